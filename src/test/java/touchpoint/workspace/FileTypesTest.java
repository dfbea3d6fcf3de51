package touchpoint.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void should_accept_a_png_by_its_bytes() {
        assertThat(FileTypes.accepted(WorkspaceClient.png())).hasValue("image/png");
    }

    @Test
    void should_refuse_an_executable_whatever_it_is_called() {
        assertThat(FileTypes.accepted(WorkspaceClient.executable())).isEmpty();
    }

    @Test
    void should_refuse_svg_and_html() {
        assertThat(FileTypes.accepted("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileTypes.accepted("<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void should_accept_pdf_gif_jpeg_and_webp_by_their_magic_numbers() {
        assertThat(FileTypes.accepted("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).hasValue("application/pdf");
        assertThat(FileTypes.accepted("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).hasValue("image/gif");
        assertThat(FileTypes.accepted(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0}))
                .hasValue("image/jpeg");
        assertThat(FileTypes.accepted("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).hasValue("image/webp");
    }

    @Test
    void should_make_a_safe_file_name_with_the_detected_types_extension() {
        assertThat(FileTypes.safeName("../../etc/passwd\"; x=.exe", "image/png")).isEqualTo("passwd-x.png");
        assertThat(FileTypes.safeName("damaged lamp.PNG", "image/png")).isEqualTo("damaged-lamp.png");
        assertThat(FileTypes.safeName("évidence.pdf", "application/pdf")).isEqualTo("vidence.pdf");
        assertThat(FileTypes.safeName(null, "image/gif")).isEqualTo("attachment.gif");
        assertThat(FileTypes.safeName("report.pdf", "image/png")).isEqualTo("report.png");
    }
}
