package touchpoint.channel.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Customers' mail clients in the tests: mail written to the support address through GreenMail's SMTP server. */
final class MailFixture {

    static final String SUPPORT = "support@shop.example";
    static final String IMAP_USER = "support";
    static final String IMAP_PASSWORD = "imap-password-for-tests";

    private MailFixture() {
    }

    /** Real SMTP and IMAP servers on free ports with the support mailbox, emptied before each test. */
    static GreenMailExtension supportMailbox() {
        return new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, IMAP_USER, IMAP_PASSWORD))
                .withPerMethodLifecycle(true);
    }

    /** Sends a mail to the support mailbox; {@code headers} are added as written (threading, Auto-Submitted...). */
    static void send(GreenMailExtension mail, String from, String subject, String messageId, String text, Map<String, String> headers)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        m.saveChanges();
        Transport.send(m);
    }

    /** The mails GreenMail holds for {@code address}, oldest first. */
    static List<MimeMessage> mailsTo(GreenMailExtension mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The admin's create request for an email channel reading and sending through GreenMail. */
    static String channelJson(GreenMailExtension mail, String name) {
        return """
                {"type":"email","name":"%s","address":"%s","displayName":"Shop Support",
                 "smtpHost":"127.0.0.1","smtpPort":%d,"smtpSecurity":"none",
                 "imapHost":"127.0.0.1","imapPort":%d,"imapSecurity":"none","imapUsername":"%s","imapPassword":"%s",
                 "trustedAuthservId":"mx.shop.example"}
                """.formatted(name, SUPPORT, mail.getSmtp().getPort(), mail.getImap().getPort(), IMAP_USER, IMAP_PASSWORD);
    }
}
