package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed upgrades to the live socket are answered at once, not left hanging (found by the hostile bench). */
@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class WebSocketHandshakeIT {

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    // '~' stands for a header line break.
    @CsvSource(delimiter = '|', value = {
        "Upgrade: websocket~Connection: Upgrade                                                      | 426",
        "Upgrade: websocket~Connection: Upgrade~Sec-WebSocket-Version: 8                          | 426",
        "Upgrade: websocket~Connection: Upgrade~Sec-WebSocket-Version: 13                         | 400",
        "Upgrade: websocket~Connection: Upgrade~Sec-WebSocket-Version: 13~Sec-WebSocket-Key: x   | 400",
        "Upgrade: h2c~Connection: Upgrade~Sec-WebSocket-Version: 13~Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ== | 400",
    })
    void should_answer_a_malformed_websocket_handshake_instead_of_hanging(String headers, int status) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /ws/conversations/x?token=y HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.strip().replace("~", "\r\n")
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 " + status);
        }
    }

    private static String statusLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && line.size() < 2000) {
            line.write(c);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
}
