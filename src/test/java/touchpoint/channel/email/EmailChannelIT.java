package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.channel.ChannelInbox;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * The email channel end to end: mail arrives in a real IMAP mailbox (GreenMail), the service reads it, the bot's and the
 * agent's replies leave through a real SMTP server as threaded mail.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = EmailChannelIT.ADMIN_PASSWORD)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
@Property(name = "touchpoint.email.poll-interval", value = "1h")
@Property(name = "touchpoint.email.public-url", value = "http://127.0.0.1")
@Property(name = "touchpoint.channels.delivery-poll", value = "200ms")
@Property(name = "touchpoint.channels.backoff-initial", value = "200ms")
@Property(name = "touchpoint.channels.backoff-max", value = "1s")
class EmailChannelIT {

    static final String ADMIN_PASSWORD = "admin-password-for-email-tests";
    private static final Pattern SURVEY_LINK = Pattern.compile("http://127\\.0\\.0\\.1(/email/survey/[A-Za-z0-9_\\-.]+)");

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

    @Inject
    EmailStore store;

    CustomerClient client;
    String admin;
    static String channelId;

    @BeforeEach
    void setUp() {
        client = new CustomerClient(http.toBlocking());
        admin = login("admin", ADMIN_PASSWORD);
        // GreenMail's ports change per test; channels of earlier tests point at dead servers and are switched off.
        if (channelId != null) {
            assertThat(post("PUT", "/api/admin/channels/" + channelId, "{\"enabled\":false}").status()).isEqualTo(200);
        }
        Reply created = post("POST", "/api/admin/channels", MailFixture.channelJson(MAIL, "Support mail"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        channelId = created.string("id");
    }

    private String login(String user, String password) {
        return client.exchange(HttpRequest.POST("/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .contentType(MediaType.APPLICATION_JSON)).string("access_token");
    }

    private Reply post(String method, String path, String json) {
        var request = "PUT".equals(method) ? HttpRequest.PUT(path, json) : HttpRequest.POST(path, json);
        return client.exchange(request.contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
    }

    private static List<MimeMessage> mailsToAnna() {
        return MailFixture.mailsTo(MAIL, "anna@example.com");
    }

    private static MimeMessage awaitMail(String to, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> MailFixture.mailsTo(MAIL, to).size() >= count);
        return MailFixture.mailsTo(MAIL, to).get(count - 1);
    }

    private String conversationOf(String messageId) {
        return store.conversationOf(channelIdOfAnna(), List.of(touchpoint.infra.Ids.hash(messageId))).orElseThrow();
    }

    private String channelIdOfAnna() {
        return channelId;
    }

    private List<EventType> types(String conversationId) {
        return transcript.events(conversationId).stream().map(TranscriptEvent::type).toList();
    }

    @Test
    void should_answer_a_new_mail_by_mail_in_the_same_thread_and_thread_the_customers_reply_into_the_conversation() throws Exception {
        MailFixture.send(MAIL, "Anna <anna@example.com>", "Returns", "q1@example.com",
                "How do I return an item?\n\nThanks,\nAnna\n\n-- \nAnna Example, Example Ltd",
                Map.of("Authentication-Results", "mx.shop.example; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com"));

        assertThat(poller.pollAll()).isEqualTo(1);

        MimeMessage reply = awaitMail("anna@example.com", 1);
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<q1@example.com>");
        assertThat(reply.getHeader("References")[0]).contains("<q1@example.com>");
        assertThat(reply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(reply.getSubject()).startsWith("Re: Returns [#");
        assertThat(GreenMailUtil.getBody(reply)).contains("30 days");
        String conversation = conversationOf("q1@example.com");
        assertThat(transcript.events(conversation).stream().filter(e -> e.type() == EventType.CUSTOMER_ASKED).map(TranscriptEvent::text))
                .containsExactly("How do I return an item?");
        // The receiving server vouched for the sender's domain: the sender is the conversation's contact.
        assertThat(types(conversation)).contains(EventType.CONTACT_IDENTIFIED);

        MailFixture.send(MAIL, "anna@example.com", "Re: " + reply.getSubject(), "q2@example.com",
                "What about refund or return?\n\nOn Mon, Shop Support <support@shop.example> wrote:\n> You can return items within 30 days.",
                Map.of("In-Reply-To", reply.getMessageID(), "References", "<q1@example.com> " + reply.getMessageID()));
        assertThat(poller.pollAll()).isEqualTo(1);

        MimeMessage second = awaitMail("anna@example.com", 2);
        assertThat(second.getHeader("In-Reply-To")[0]).isEqualTo("<q2@example.com>");
        assertThat(GreenMailUtil.getBody(second)).contains("1. What is your return policy?").contains("Reply with the number");
        assertThat(conversationOf("q2@example.com")).isEqualTo(conversation);
        assertThat(transcript.events(conversation).stream().filter(e -> e.type() == EventType.CUSTOMER_ASKED).map(TranscriptEvent::text))
                .containsExactly("How do I return an item?", "What about refund or return?");
    }

    @Test
    void should_store_a_mail_once_when_it_is_read_twice() throws Exception {
        MailFixture.send(MAIL, "anna@example.com", "Returns", "dup1@example.com", "How do I return an item?", Map.of());
        assertThat(poller.pollAll()).isEqualTo(1);
        awaitMail("anna@example.com", 1);
        // As if a second instance had read it before this one marked it read.
        MAIL.getReceivedMessages()[0].setFlag(jakarta.mail.Flags.Flag.SEEN, false);
        for (MimeMessage m : MailFixture.mailsTo(MAIL, MailFixture.SUPPORT)) {
            m.setFlag(jakarta.mail.Flags.Flag.SEEN, false);
        }
        poller.pollAll();

        String conversation = conversationOf("dup1@example.com");
        assertThat(types(conversation).stream().filter(t -> t == EventType.CUSTOMER_ASKED)).hasSize(1);
        Thread.sleep(1000);
        assertThat(mailsToAnna()).hasSize(1);
    }

    @Test
    void should_never_open_a_conversation_for_auto_replies_bounces_or_its_own_mail() throws Exception {
        MailFixture.send(MAIL, "anna@example.com", "Out of office", "ooo@example.com", "I am away until Monday.",
                Map.of("Auto-Submitted", "auto-replied"));
        MailFixture.send(MAIL, "anna@example.com", "Newsletter", "news@example.com", "Our news", Map.of("Precedence", "bulk"));
        MailFixture.send(MAIL, "MAILER-DAEMON@mx.example.com", "Undelivered Mail", "bounce@mx.example.com", "Delivery failed", Map.of());
        // A copy of the bot's own mail coming back (a forwarding loop): its own address and Message-ID domain.
        MailFixture.send(MAIL, MailFixture.SUPPORT, "Re: Returns", "tp.own@shop.example", "You can return items within 30 days.", Map.of());

        assertThat(poller.pollAll()).isEqualTo(4);

        String channel = channelIdOfAnna();
        assertThat(store.outcomeOf(channel, touchpoint.infra.Ids.hash("ooo@example.com"))).contains("auto_submitted");
        assertThat(store.outcomeOf(channel, touchpoint.infra.Ids.hash("news@example.com"))).contains("precedence");
        assertThat(store.outcomeOf(channel, touchpoint.infra.Ids.hash("bounce@mx.example.com"))).contains("bounce");
        assertThat(store.outcomeOf(channel, touchpoint.infra.Ids.hash("tp.own@shop.example"))).contains("own");
        assertThat(inbox.thread(channel, EmailInbound.KEY_PREFIX + touchpoint.infra.Ids.hash("ooo@example.com"))).isEmpty();
        Thread.sleep(1000);
        assertThat(MailFixture.mailsTo(MAIL, "anna@example.com")).isEmpty();
        assertThat(MailFixture.mailsTo(MAIL, "MAILER-DAEMON@mx.example.com")).isEmpty();
        assertThat(MailFixture.mailsTo(MAIL, MailFixture.SUPPORT)).hasSize(4);
    }

    @Test
    void should_not_continue_someone_elses_conversation_by_copying_its_threading_headers() throws Exception {
        MailFixture.send(MAIL, "anna@example.com", "Returns", "a1@example.com", "How do I return an item?", Map.of());
        poller.pollAll();
        MimeMessage reply = awaitMail("anna@example.com", 1);

        MailFixture.send(MAIL, "mallory@example.net", reply.getSubject(), "m1@example.net", "How do I return an item?",
                Map.of("In-Reply-To", reply.getMessageID(), "References", reply.getMessageID()));
        poller.pollAll();

        assertThat(conversationOf("m1@example.net")).isNotEqualTo(conversationOf("a1@example.com"));
        // Nobody vouched for either sender: a From header alone identifies no one.
        assertThat(types(conversationOf("m1@example.net"))).doesNotContain(EventType.CONTACT_IDENTIFIED);
        awaitMail("mallory@example.net", 1);
    }

    @Test
    void should_mail_the_agents_reply_and_record_the_survey_score_from_a_signed_link() throws Exception {
        MailFixture.send(MAIL, "anna@example.com", "Help", "h1@example.com", "I want to talk to a person", Map.of());
        poller.pollAll();
        String conversation = conversationOf("h1@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> types(conversation).contains(EventType.HANDOFF_REQUESTED));

        Reply claim = client.exchange(HttpRequest.POST("/api/agent/conversations/" + conversation + "/claim", "")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertThat(claim.status()).isBetween(200, 204);
        // The hand-off notice leaves first; wait for it so the next mail counted is the agent's.
        awaitMail("anna@example.com", 1);
        int before = mailsToAnna().size();
        Reply replied = client.exchange(HttpRequest.POST("/api/agent/conversations/" + conversation + "/messages",
                "{\"text\":\"Hello Anna, I have **refunded** your order.\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertThat(replied.status()).isBetween(200, 204);

        MimeMessage agentMail = awaitMail("anna@example.com", before + 1);
        assertThat(GreenMailUtil.getBody(agentMail)).contains("I have refunded your order").contains("<strong>refunded</strong>");
        assertThat(agentMail.getHeader("Auto-Submitted")).isNull();

        client.exchange(HttpRequest.POST("/api/agent/conversations/" + conversation + "/resolve", "")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        await().atMost(Duration.ofSeconds(10)).until(() -> types(conversation).contains(EventType.SURVEY_ASKED));
        MimeMessage surveyMail = awaitMail("anna@example.com", before + 2);
        Matcher link = SURVEY_LINK.matcher(GreenMailUtil.getBody(surveyMail));
        assertThat(link.find()).as(GreenMailUtil.getBody(surveyMail)).isTrue();
        String firstLink = link.group(1);

        String page = http.toBlocking().retrieve(HttpRequest.GET(firstLink));
        assertThat(page).contains("Your answer has been recorded");
        assertThat(transcript.events(conversation)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.SURVEY_ANSWERED);
            assertThat(e.data(touchpoint.chat.EventData.SurveyAnswered.class).orElseThrow().score()).isEqualTo(1);
            assertThat(e.data(touchpoint.chat.EventData.SurveyAnswered.class).orElseThrow().via()).isEqualTo("link");
        });
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(firstLink))).contains("already been answered");
        String tampered = firstLink.substring(0, firstLink.length() - 3) + (firstLink.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(client.exchange(HttpRequest.GET(tampered)).status()).isEqualTo(404);
    }

    @Test
    void should_mail_the_agents_answer_to_a_message_left_in_the_widget_and_take_the_mailed_answer_back() throws Exception {
        Reply started = client.start("{}");
        String conversation = started.string("id");
        Reply left = client.exchange(HttpRequest.POST("/api/conversations/" + conversation + "/offline-message",
                "{\"email\":\"bob@example.org\",\"text\":\"Please call me about my order\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(started.string("token")));
        assertThat(left.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.thread(conversation).isPresent());

        client.exchange(HttpRequest.POST("/api/agent/conversations/" + conversation + "/claim", "")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        client.exchange(HttpRequest.POST("/api/agent/conversations/" + conversation + "/messages",
                "{\"text\":\"Hello Bob, your order ships tomorrow.\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));

        MimeMessage answer = awaitMail("bob@example.org", 1);
        assertThat(GreenMailUtil.getBody(answer)).contains("your order ships tomorrow");
        assertThat(answer.getSubject()).startsWith("Re: Your message to us [#");

        MailFixture.send(MAIL, "bob@example.org", "Re: " + answer.getSubject(), "bob2@example.org", "Thank you, that works.",
                Map.of("In-Reply-To", answer.getMessageID(), "References", answer.getMessageID()));
        poller.pollAll();
        assertThat(transcript.events(conversation)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.CUSTOMER_ASKED);
            assertThat(e.text()).isEqualTo("Thank you, that works.");
        });
    }
}
