package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailReaderTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static InboundMail read(String raw) throws Exception {
        return MailReader.read(new MimeMessage(SESSION, new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void should_read_sender_threading_headers_and_plain_text() throws Exception {
        InboundMail mail = read("""
                From: Anna Example <anna@Example.com>
                To: support@shop.example
                Subject: Re: [#abc] Your order
                Message-ID: <m2@example.com>
                In-Reply-To: <tp.1@shop.example>
                References: <first@example.com> <tp.1@shop.example>
                Content-Type: text/plain; charset=utf-8

                Where is it?

                On Mon, Support <support@shop.example> wrote:
                > shipped
                """);
        assertThat(mail.messageId()).isEqualTo("m2@example.com");
        assertThat(mail.threadIds()).containsExactly("tp.1@shop.example", "first@example.com");
        assertThat(mail.fromAddress()).isEqualTo("anna@example.com");
        assertThat(mail.fromName()).isEqualTo("Anna Example");
        assertThat(mail.text()).isEqualTo("Where is it?");
        assertThat(mail.automated()).isNull();
    }

    @Test
    void should_prefer_plain_text_in_multipart_alternative() throws Exception {
        InboundMail mail = read("""
                From: anna@example.com
                Message-ID: <m3@example.com>
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/html; charset=utf-8

                <p>HTML version</p>
                --b1
                Content-Type: text/plain; charset=utf-8

                Plain version
                --b1--
                """);
        assertThat(mail.text()).isEqualTo("Plain version");
    }

    @Test
    void should_read_html_only_mail_as_text_without_quoted_history() throws Exception {
        InboundMail mail = read("""
                From: anna@example.com
                Message-ID: <m4@example.com>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{}</style><script>alert(1)</script></head><body><p>How do I <b>return</b> an item?</p>
                <div class="gmail_quote">On Mon wrote:<blockquote>old answer</blockquote></div></body></html>
                """);
        assertThat(mail.text()).isEqualTo("How do I return an item?");
    }

    @Test
    void should_decode_quoted_printable_latin1_and_encoded_subject() throws Exception {
        InboundMail mail = read("""
                From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.de>
                Subject: =?ISO-8859-1?Q?R=FCckgabe?=
                Message-ID: <m5@example.de>
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Wie funktioniert die R=FCckgabe?
                """);
        assertThat(mail.subject()).isEqualTo("Rückgabe");
        assertThat(mail.fromName()).isEqualTo("Jürgen");
        assertThat(mail.text()).isEqualTo("Wie funktioniert die Rückgabe?");
    }

    @Test
    void should_read_an_unknown_charset_as_utf8_instead_of_failing() throws Exception {
        InboundMail mail = read("""
                From: anna@example.com
                Message-ID: <m6@example.com>
                Content-Type: text/plain; charset=x-no-such-charset

                Hello there
                """);
        assertThat(mail.text()).isEqualTo("Hello there");
        assertThat(mail.malformed()).isFalse();
    }

    @Test
    void should_skip_attachments_and_take_the_first_text_part_of_mixed() throws Exception {
        InboundMail mail = read("""
                From: anna@example.com
                Message-ID: <m7@example.com>
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain; name="notes.txt"
                Content-Disposition: attachment; filename="notes.txt"

                attached notes
                --m
                Content-Type: text/plain

                The real question
                --m--
                """);
        assertThat(mail.text()).isEqualTo("The real question");
    }

    @Test
    void should_flag_auto_replies_bounces_and_reports() throws Exception {
        assertThat(read("From: anna@example.com\nAuto-Submitted: auto-replied\nMessage-ID: <a@x>\n\nI am away").automated())
                .isEqualTo("auto_submitted");
        assertThat(read("From: anna@example.com\nAuto-Submitted: no\nMessage-ID: <a@x>\n\nhello").automated()).isNull();
        assertThat(read("From: anna@example.com\nPrecedence: bulk\nMessage-ID: <a@x>\n\nnews").automated()).isEqualTo("precedence");
        assertThat(read("From: anna@example.com\nX-Autoreply: yes\nMessage-ID: <a@x>\n\naway").automated()).isEqualTo("auto_reply");
        assertThat(read("From: MAILER-DAEMON@mx.example.com\nMessage-ID: <a@x>\n\nfailed").automated()).isEqualTo("bounce");
        assertThat(read("From: postmaster@example.com\nMessage-ID: <a@x>\n\nfailed").automated()).isEqualTo("bounce");
        assertThat(read("""
                From: mail@mx.example.com
                Message-ID: <a@x>
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Delivery failed
                --r--
                """).automated()).isEqualTo("delivery_report");
    }

    @Test
    void should_survive_broken_mime_and_missing_message_id() throws Exception {
        InboundMail mail = read("""
                From: anna@example.com
                Content-Type: multipart/mixed; boundary="never-closed"

                --never-closed
                Content-Type: text/plain
                Content-Transfer-Encoding: base64

                !!!not base64!!!
                """);
        assertThat(mail.messageId()).endsWith("@no-message-id.invalid");
        assertThat(read("From: anna@example.com\nContent-Type: text/plain\n\nsame").messageId())
                .isEqualTo(read("From: anna@example.com\nContent-Type: text/plain\n\nsame").messageId());
    }

    @Test
    void should_stop_at_the_nesting_limit() throws Exception {
        StringBuilder raw = new StringBuilder("From: anna@example.com\nMessage-ID: <deep@x>\n");
        int depth = 40;
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        raw.append("Content-Type: text/plain\n\ndeep text\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\n");
        }
        assertThat(read(raw.toString()).text()).isEmpty();
    }

    @Test
    void should_treat_a_mail_without_sender_as_a_bounce() throws Exception {
        assertThat(read("Message-ID: <x@y>\nSubject: hi\n\ntext").automated()).isEqualTo("bounce");
    }

    @Test
    void should_read_only_the_start_of_an_oversized_mail() throws Exception {
        String huge = "Where is my parcel? " + "x".repeat(5_000_000);
        long startedAt = System.nanoTime();
        InboundMail mail = read("From: anna@example.com\nMessage-ID: <big@x>\nContent-Type: text/plain\n\n" + huge);
        assertThat(mail.text()).startsWith("Where is my parcel?").hasSize(MailReader.MAX_TEXT);
        assertThat(System.nanoTime() - startedAt).isLessThan(5_000_000_000L);
    }

    @Test
    void should_stop_counting_parts_of_a_mail_with_thousands_of_them() throws Exception {
        StringBuilder raw = new StringBuilder("From: anna@example.com\nMessage-ID: <many@x>\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < 5000; i++) {
            raw.append("--p\nContent-Type: image/png\n\nAAAA\n");
        }
        raw.append("--p\nContent-Type: text/plain\n\nlast part\n--p--\n");
        assertThat(read(raw.toString()).text()).isEmpty();
    }
}
