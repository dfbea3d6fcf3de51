package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.ChannelInbox;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.infra.Ids;

/**
 * The email channel's fault: the SMTP server the replies leave through goes down while customers' mails arrive, and
 * comes back. Every mail must be stored once and answered by exactly one mail (one Message-ID, delivered once).
 * Runs after {@link FaultsBench} (alphabetical order) and adds its figures to target/bench/faults.json under "email.".
 */
class FaultsEmailBench {

    private static final String SUPPORT = "support@shop.example";
    private final int mails = BenchReport.intSetting("bench.emailMails", 40);
    private final int downSeconds = BenchReport.intSetting("bench.emailSmtpDownSeconds", 15);

    @Test
    void should_answer_every_mail_once_when_the_smtp_server_goes_down_and_comes_back() throws Exception {
        GreenMail mailbox = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        mailbox.setUser(SUPPORT, "support", "bench-imap-password");
        mailbox.start();
        int outPort = freePort();
        GreenMail outgoing = smtpOn(outPort);
        Map<String, Object> props = new HashMap<>();
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.email.poll-interval", "300ms");
        props.put("touchpoint.channels.delivery-poll", "200ms");
        props.put("touchpoint.channels.backoff-initial", "200ms");
        props.put("touchpoint.channels.backoff-max", "2s");
        props.put("touchpoint.survey.enabled", "false");
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            fields.put("address", JsonNode.createStringNode(SUPPORT));
            fields.put("smtpHost", JsonNode.createStringNode("127.0.0.1"));
            fields.put("smtpPort", JsonNode.createNumberNode(outPort));
            fields.put("smtpSecurity", JsonNode.createStringNode("none"));
            fields.put("imapHost", JsonNode.createStringNode("127.0.0.1"));
            fields.put("imapPort", JsonNode.createNumberNode(mailbox.getImap().getPort()));
            fields.put("imapSecurity", JsonNode.createStringNode("none"));
            fields.put("imapUsername", JsonNode.createStringNode("support"));
            fields.put("imapPassword", JsonNode.createStringNode("bench-imap-password"));
            String channelId = ctx.getBean(ChannelDirectory.class).create("email", "bench mail", true, fields).channel().id();
            ChannelInbox inbox = ctx.getBean(ChannelInbox.class);
            Transcript transcript = ctx.getBean(Transcript.class);

            long started = System.nanoTime();
            for (int i = 0; i < mails; i++) {
                if (i == mails / 4) {
                    outgoing.stop();
                }
                send(mailbox, "customer" + i + "@example.com", "q" + i + "@bench.example", "How do I return an item? (" + i + ")");
            }
            Thread.sleep(downSeconds * 1000L);
            int answeredWhileDown = outgoing.getReceivedMessages().length;
            outgoing = smtpOn(outPort);
            long restarted = System.nanoTime();
            GreenMail out = outgoing;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (distinctAnswered(out) < mails && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            double recoverySeconds = (System.nanoTime() - restarted) / 1e9;
            Thread.sleep(2000);

            int stored = 0;
            int storedTwice = 0;
            for (int i = 0; i < mails; i++) {
                var thread = inbox.thread(channelId, "mail:" + Ids.hash("q" + i + "@bench.example"));
                if (thread.isEmpty()) {
                    continue;
                }
                long asked = transcript.events(thread.get().conversationId()).stream().filter(e -> e.type() == EventType.CUSTOMER_ASKED).count();
                stored += asked > 0 ? 1 : 0;
                storedTwice += asked > 1 ? 1 : 0;
            }
            MimeMessage[] received = out.getReceivedMessages();
            Map<String, Integer> perId = new HashMap<>();
            for (MimeMessage m : received) {
                perId.merge(m.getMessageID(), 1, Integer::sum);
            }
            long duplicated = perId.values().stream().filter(n -> n > 1).count();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("email.mails_sent", mails);
            figures.put("email.smtp_down_seconds", downSeconds);
            figures.put("email.answered_before_smtp_went_down", answeredWhileDown);
            figures.put("email.mails_stored", stored);
            figures.put("email.mails_stored_twice", storedTwice);
            figures.put("email.replies_delivered", perId.size());
            figures.put("email.replies_duplicated", duplicated);
            figures.put("email.replies_lost", mails - perId.size());
            figures.put("email.seconds_to_drain_after_smtp_back", recoverySeconds);
            figures.put("email.seconds_total", (System.nanoTime() - started) / 1e9);
            BenchReport.of(figures).mergeInto("faults.json");

            assertThat(stored).isEqualTo(mails);
            assertThat(storedTwice).isZero();
            assertThat(perId).hasSize(mails);
            assertThat(duplicated).isZero();
        } finally {
            outgoing.stop();
            mailbox.stop();
        }
    }

    private static int distinctAnswered(GreenMail out) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : out.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        return ids.size();
    }

    private static GreenMail smtpOn(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void send(GreenMail mailbox, String from, String messageId, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mailbox.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        m.setSubject("Returns");
        m.setText(text);
        m.saveChanges();
        Transport.send(m);
    }
}
