package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.infra.InvalidRequest;

/** The SMTP and IMAP halves against real servers (GreenMail), without the service. */
class MailTransportIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@shop.example", "support", "imap-secret"))
            .withPerMethodLifecycle(true);

    private final SmtpSender sender = new SmtpSender(Clock.systemUTC());
    private final ImapMailbox mailbox = new ImapMailbox();

    private static MailServer smtp() {
        return new MailServer("127.0.0.1", MAIL.getSmtp().getPort(), MailServer.NONE, null, null);
    }

    private static MailServer imap() {
        return new MailServer("127.0.0.1", MAIL.getImap().getPort(), MailServer.NONE, "support", "imap-secret");
    }

    private static OutgoingMail mail(String subject, String to) {
        return new OutgoingMail("support@shop.example", "Shop Support", to, subject, "tp.42@shop.example", "m1@example.com",
                List.of("m0@example.com", "m1@example.com"), "Hello **there**", "<p>Hello <strong>there</strong></p>", true);
    }

    @Test
    void should_send_text_and_html_with_threading_headers_and_auto_submitted() throws Exception {
        sender.send(smtp(), mail("Re: Where is my parcel? [#K7Q2]", "anna@example.com"));

        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<tp.42@shop.example>");
        assertThat(received.getHeader("In-Reply-To")[0]).isEqualTo("<m1@example.com>");
        assertThat(received.getHeader("References")[0]).contains("<m0@example.com>").contains("<m1@example.com>");
        assertThat(received.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(received.getSubject()).isEqualTo("Re: Where is my parcel? [#K7Q2]");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        assertThat(GreenMailUtil.getBody(received)).contains("Hello **there**").contains("<strong>there</strong>");
    }

    @Test
    void should_refuse_header_injection_before_connecting() {
        assertThatThrownBy(() -> sender.send(smtp(), mail("Hi\r\nBcc: victim@example.com", "anna@example.com")))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> sender.send(smtp(), mail("Hi", "anna@example.com\r\nBcc: victim@example.com")))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> sender.send(smtp(), mail("Hi", "anna@example.com, victim@example.com")))
                .isInstanceOf(InvalidRequest.class);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void should_fail_loudly_when_the_smtp_server_is_down() {
        MailServer nowhere = new MailServer("127.0.0.1", 1, MailServer.NONE, null, null);
        assertThatThrownBy(() -> sender.send(nowhere, mail("Hi", "anna@example.com"))).isInstanceOf(MessagingException.class);
    }

    @Test
    void should_read_unread_mail_once_and_mark_it_read() throws Exception {
        GreenMailUtil.sendTextEmail("support@shop.example", "anna@example.com", "Question", "Where is my parcel?", MAIL.getSmtp().getServerSetup());
        List<InboundMail> read = new ArrayList<>();

        assertThat(mailbox.poll(imap(), "INBOX", 10, m -> read.add(MailReader.read(m)))).isEqualTo(1);
        assertThat(mailbox.poll(imap(), "INBOX", 10, m -> read.add(MailReader.read(m)))).isZero();

        assertThat(read).singleElement().satisfies(m -> {
            assertThat(m.fromAddress()).isEqualTo("anna@example.com");
            assertThat(m.text()).isEqualTo("Where is my parcel?");
        });
    }

    @Test
    void should_leave_a_mail_unread_when_handling_it_failed() throws Exception {
        GreenMailUtil.sendTextEmail("support@shop.example", "anna@example.com", "Question", "Where is my parcel?", MAIL.getSmtp().getServerSetup());
        AtomicBoolean fail = new AtomicBoolean(true);
        ImapMailbox.Handler flaky = m -> {
            MailReader.read(m);
            if (fail.get()) {
                throw new IllegalStateException("database down");
            }
        };

        assertThat(mailbox.poll(imap(), "INBOX", 10, flaky)).isZero();
        assertThat(MAIL.getReceivedMessages()[0].isSet(Flags.Flag.SEEN)).isFalse();
        fail.set(false);
        assertThat(mailbox.poll(imap(), "INBOX", 10, flaky)).isEqualTo(1);
    }
}
