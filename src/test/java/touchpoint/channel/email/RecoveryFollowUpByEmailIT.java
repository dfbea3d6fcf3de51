package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.channel.ChannelInbox;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TranscriptScript;

/**
 * Service recovery reaches a widget customer by email: a low score in a widget conversation opens a recovery task, and
 * when the customer's address is known (their contact's, or the one they gave in the "leave a message" form) and an
 * email channel is enabled, the follow-up continues the conversation by email (real SMTP and IMAP, GreenMail); the
 * customer's mailed answer threads back into it. Without an address or an email channel it stays in the widget, and
 * the draft says so before the agent sends.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = RecoveryFollowUpByEmailIT.ADMIN_PASSWORD)
@Property(name = "touchpoint.identity.secret", value = RecoveryFollowUpByEmailIT.IDENTITY_SECRET)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
@Property(name = "touchpoint.email.poll-interval", value = "1h")
@Property(name = "touchpoint.channels.delivery-poll", value = "200ms")
@Property(name = "touchpoint.channels.backoff-initial", value = "200ms")
@Property(name = "touchpoint.channels.backoff-max", value = "1s")
class RecoveryFollowUpByEmailIT {

    static final String ADMIN_PASSWORD = "admin-password-for-recovery-mail";
    static final String IDENTITY_SECRET = "identity-secret-for-recovery-mail-tests";

    @RegisterExtension
    static final GreenMailExtension MAIL = MailFixture.supportMailbox();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmailPoller poller;

    @Inject
    Transcript transcript;

    @Inject
    ChannelInbox inbox;

    CustomerClient client;
    TranscriptScript script;
    String admin;
    static String channelId;

    @BeforeEach
    void setUp() {
        client = new CustomerClient(http.toBlocking());
        script = new TranscriptScript(transcript);
        admin = client.exchange(HttpRequest.POST("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD)))
                .string("access_token");
        // GreenMail's ports change per test: the channel of the test before points at a dead server.
        if (channelId != null) {
            assertThat(staff("PUT", "/api/admin/channels/" + channelId, "{\"enabled\":false}").status()).isEqualTo(200);
            channelId = null;
        }
    }

    @Test
    void should_mail_the_follow_up_to_a_signed_in_customer_and_thread_their_mailed_answer_back() throws Exception {
        enableEmailChannel();
        Reply started = client.start("{\"userId\":\"user-4711\",\"userHash\":\"" + sign("user-4711")
                + "\",\"email\":\"Carla.Mendes@Example.com\",\"name\":\"Carla\"}");
        String conversation = started.string("id");
        assertThat(started.string("contactId")).isNotNull();
        long task = lowScore(conversation, started.string("token"));

        Reply draft = staff("GET", "/api/recovery/tasks/" + task + "/follow-up", null);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.string("channelType")).isEqualTo("web");
        assertThat(draft.string("deliveredVia")).isEqualTo("email");
        assertThat(draft.string("maskedAddress")).isEqualTo("C***@example.com");
        assertThat(draft.string("routeNote")).contains("continues by email");
        assertThat(draft.string("text")).startsWith("Hello Carla,").contains("1 out of 7");
        // The draft changed nothing: the conversation is still the widget's until the agent sends.
        assertThat(inbox.thread(conversation)).isEmpty();

        Reply sent = staff("POST", "/api/recovery/tasks/" + task + "/follow-up",
                "{\"text\":\"Hello Carla, I am sorry about the late parcel: a refund of the shipping is on its way.\"}");

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.list("followUps")).singleElement().satisfies(f -> {
            assertThat(f.get("deliveredVia")).isEqualTo("email");
            assertThat(f.get("maskedAddress")).isEqualTo("C***@example.com");
        });
        MimeMessage mail = awaitMail("Carla.Mendes@example.com", 1);
        assertThat(plainText(mail)).contains("a refund of the shipping is on its way");
        assertThat(mail.getSubject()).startsWith("Re: Following up on your conversation with us [#");
        // An agent's message, not an automatic one: the customer's mail client may answer it.
        assertThat(mail.getHeader("Auto-Submitted")).isNull();
        assertThat(transcript.conversation(conversation).orElseThrow().channelType()).isEqualTo("email");

        MailFixture.send(MAIL, "Carla <Carla.Mendes@example.com>", "Re: " + mail.getSubject(), "carla-1@example.com",
                "Thank you, how do I return an item?\n\nOn Mon, Shop Support <support@shop.example> wrote:\n> Hello Carla",
                Map.of("In-Reply-To", mail.getMessageID(), "References", mail.getMessageID()));
        assertThat(poller.pollAll()).isEqualTo(1);

        assertThat(transcript.events(conversation)).filteredOn(e -> e.type() == EventType.CUSTOMER_ASKED)
                .extracting(TranscriptEvent::text).contains("Thank you, how do I return an item?");
        // The bot's answer to the mailed question goes by mail too, in the same thread.
        MimeMessage answer = awaitMail("Carla.Mendes@example.com", 2);
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<carla-1@example.com>");
        assertThat(answer.getSubject()).isEqualTo(mail.getSubject());
    }

    @Test
    void should_mail_the_follow_up_to_the_address_left_in_the_offline_form_when_the_channel_came_later() throws Exception {
        Reply started = client.start("{}");
        String conversation = started.string("id");
        Reply left = client.exchange(HttpRequest.POST("/api/conversations/" + conversation + "/offline-message",
                "{\"email\":\"dan@example.org\",\"text\":\"My parcel never came\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(started.string("token")));
        assertThat(left.status()).isEqualTo(202);
        long task = lowScore(conversation, started.string("token"));
        // No email channel when the message was left: it stayed a widget conversation.
        assertThat(transcript.conversation(conversation).orElseThrow().channelType()).isEqualTo("web");
        enableEmailChannel();

        Reply draft = staff("GET", "/api/recovery/tasks/" + task + "/follow-up", null);
        Reply sent = staff("POST", "/api/recovery/tasks/" + task + "/follow-up", "{\"text\":\"Your parcel is found, it arrives on Friday.\"}");

        assertThat(draft.string("deliveredVia")).isEqualTo("email");
        assertThat(draft.string("maskedAddress")).isEqualTo("d***@example.org");
        assertThat(sent.status()).isEqualTo(201);
        MimeMessage mail = awaitMail("dan@example.org", 1);
        assertThat(plainText(mail)).contains("Your parcel is found, it arrives on Friday.");
    }

    @Test
    void should_keep_the_follow_up_in_the_widget_when_no_address_is_known() throws Exception {
        enableEmailChannel();
        Reply started = client.start("{}");
        String conversation = started.string("id");
        long task = lowScore(conversation, started.string("token"));

        Reply draft = staff("GET", "/api/recovery/tasks/" + task + "/follow-up", null);
        Reply sent = staff("POST", "/api/recovery/tasks/" + task + "/follow-up", "{\"text\":\"Sorry about earlier.\"}");

        assertThat(draft.string("deliveredVia")).isEqualTo("web");
        assertThat(draft.body()).doesNotContainKey("maskedAddress");
        assertThat(draft.string("routeNote")).contains("No email address is known");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.list("followUps")).singleElement().satisfies(f -> assertThat(f.get("deliveredVia")).isEqualTo("web"));
        assertThat(transcript.conversation(conversation).orElseThrow().channelType()).isEqualTo("web");
        assertThat(inbox.thread(conversation)).isEmpty();
        assertThat(client.messages(conversation, started.string("token"), 0).list("messages"))
                .anySatisfy(m -> assertThat(m.get("text")).isEqualTo("Sorry about earlier."));
        Thread.sleep(1000);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void should_keep_the_follow_up_in_the_widget_when_no_email_channel_is_enabled() throws Exception {
        Reply started = client.start("{\"userId\":\"user-815\",\"userHash\":\"" + sign("user-815")
                + "\",\"email\":\"erik@example.net\",\"name\":\"Erik\"}");
        String conversation = started.string("id");
        long task = lowScore(conversation, started.string("token"));

        Reply draft = staff("GET", "/api/recovery/tasks/" + task + "/follow-up", null);
        Reply sent = staff("POST", "/api/recovery/tasks/" + task + "/follow-up", "{\"text\":\"Sorry, Erik.\"}");

        assertThat(draft.string("deliveredVia")).isEqualTo("web");
        assertThat(draft.string("routeNote")).contains("No email channel is enabled");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.list("followUps")).singleElement().satisfies(f -> {
            assertThat(f.get("deliveredVia")).isEqualTo("web");
            assertThat(f).doesNotContainKey("maskedAddress");
        });
        assertThat(transcript.conversation(conversation).orElseThrow().channelType()).isEqualTo("web");
        assertThat(script.last(conversation).text()).isEqualTo("Sorry, Erik.");
        Thread.sleep(1000);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    private void enableEmailChannel() {
        Reply created = staff("POST", "/api/admin/channels", MailFixture.channelJson(MAIL, "Support mail " + System.nanoTime()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        channelId = created.string("id");
    }

    /** An agent resolves the conversation and the customer rates it CES 1: a recovery task. */
    private long lowScore(String conversation, String token) {
        script.agentResolves(conversation, "returns", "ann");
        Reply answered = client.exchange(HttpRequest.POST("/api/conversations/" + conversation + "/survey-answers",
                "{\"questionId\":\"ces\",\"score\":1}").contentType(MediaType.APPLICATION_JSON).bearerAuth(token));
        assertThat(answered.status()).as(String.valueOf(answered.body())).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> tasks().stream().anyMatch(t -> conversation.equals(t.get("conversationId"))));
        return tasks().stream().filter(t -> conversation.equals(t.get("conversationId"))).findFirst()
                .map(t -> ((Number) t.get("id")).longValue()).orElseThrow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Map<String, Object>> tasks() {
        return (List) http.toBlocking().retrieve(HttpRequest.GET("/api/recovery/tasks").bearerAuth(admin), Argument.listOf(Map.class));
    }

    private Reply staff(String method, String path, String json) {
        var request = switch (method) {
            case "GET" -> HttpRequest.GET(path);
            case "PUT" -> HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON);
            default -> HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON);
        };
        return client.exchange(request.bearerAuth(admin));
    }

    private static MimeMessage awaitMail(String to, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> MailFixture.mailsTo(MAIL, to).size() >= count);
        return MailFixture.mailsTo(MAIL, to).get(count - 1);
    }

    /** The mail's text part, decoded (quoted-printable breaks long lines). */
    private static String plainText(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String text) {
            return text;
        }
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        return "";
    }

    private static String sign(String userId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    }
}
