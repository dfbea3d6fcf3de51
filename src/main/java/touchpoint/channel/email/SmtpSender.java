package touchpoint.channel.email;

import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;

/** Hands one mail to the channel's SMTP server; throws when the server does not take it, so the delivery is retried. */
@Singleton
class SmtpSender {

    private final Clock clock;

    SmtpSender(Clock clock) {
        this.clock = clock;
    }

    void send(MailServer smtp, OutgoingMail mail) throws MessagingException {
        Session session = Session.getInstance(smtp.properties("smtp"));
        MimeMessage message = MailComposer.compose(session, mail, clock.instant());
        try (Transport transport = session.getTransport("smtp")) {
            if (smtp.username() == null || smtp.username().isBlank()) {
                transport.connect();
            } else {
                transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
