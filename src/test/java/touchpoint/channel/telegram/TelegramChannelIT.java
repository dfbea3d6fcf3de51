package touchpoint.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.channel.ChannelInbox;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.contact.Contacts;
import touchpoint.contact.Identity;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * The Telegram channel end to end: an admin creates it through the admin API, the service registers its webhook with
 * a fake Bot API server, the fake delivers updates to the webhook as Telegram does, and what the customer gets back is
 * read from the fake's recorded sendMessage calls.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramChannelIT implements TestPropertyProvider {

    private static final String ADMIN_PASSWORD = "admin-password-for-telegram-tests";
    private static final String TOKEN = "5000001:AAHfirstBotTokenForTouchpointTests00";
    private static final AtomicLong USERS = new AtomicLong(90_000);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final FakeTelegram telegram = new FakeTelegram().bot(TOKEN, "hearth_pine_bot");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Transcript transcript;

    @Inject
    ChannelInbox inbox;

    @Inject
    Contacts contacts;

    CustomerClient raw;
    String admin;
    String channelId;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("touchpoint.test.scripted-knowledge", "true",
                "touchpoint.admin-password", ADMIN_PASSWORD,
                "touchpoint.handoff.auto-assign", "false",
                "touchpoint.survey.sampling-after-helpful", "1.0",
                "touchpoint.channels.telegram.api-base-url", telegram.baseUrl(),
                "touchpoint.channels.telegram.webhook-sync-interval", "500ms");
    }

    @AfterAll
    void stopTelegram() {
        telegram.close();
    }

    @BeforeEach
    void setUp() {
        raw = new CustomerClient(http.toBlocking());
        admin = raw.exchange(HttpRequest.POST("/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .contentType(MediaType.APPLICATION_JSON)).string("access_token");
        if (channelId == null) {
            Reply created = createChannel(TOKEN);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            channelId = created.string("id");
            await().atMost(WAIT).until(() -> telegram.webhookUrl(TOKEN) != null);
        }
    }

    private Reply createChannel(String token) {
        return post("/api/admin/channels", "{\"type\":\"telegram\",\"name\":\"Shop bot\",\"botToken\":\"" + token
                + "\",\"publicBaseUrl\":\"http://127.0.0.1:" + server.getPort() + "\"}");
    }

    private Reply post(String path, String json) {
        return raw.exchange(auth(HttpRequest.POST(path, json == null ? "" : json).contentType(MediaType.APPLICATION_JSON)));
    }

    private Reply put(String path, String json) {
        return raw.exchange(auth(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON)));
    }

    private Reply get(String path) {
        return raw.exchange(auth(HttpRequest.GET(path)));
    }

    private <B> MutableHttpRequest<B> auth(MutableHttpRequest<B> request) {
        return request.bearerAuth(admin);
    }

    private long newUser() {
        return USERS.incrementAndGet();
    }

    private int say(long user, String text) {
        return telegram.deliver(TOKEN, telegram.textUpdate(telegram.nextUpdateId(), user, text));
    }

    private String conversationOf(long user) {
        return inbox.thread(channelId, String.valueOf(user)).orElseThrow().conversationId();
    }

    private List<TranscriptEvent> log(long user) {
        return transcript.events(conversationOf(user));
    }

    /** Waits for the message to this chat whose text contains {@code part}, and returns it. */
    private JsonNode awaitMessage(long user, String part) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            found.clear();
            telegram.sentTo(user).stream().filter(m -> FakeTelegram.visibleText(m.path("text").asText()).contains(part)).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(found.size() - 1);
    }

    /** The callback_data of the button labelled {@code label} under {@code message}. */
    private static String button(JsonNode message, String label) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("text").asText().equals(label)) {
                    return b.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + message);
    }

    private int press(long user, JsonNode message, String label) {
        return telegram.deliver(TOKEN, telegram.callbackUpdate(telegram.nextUpdateId(), user, telegram.messageIdOf(message), button(message, label)));
    }

    @Test
    void should_register_the_webhook_with_a_random_secret_token_and_never_show_the_bot_token() {
        assertThat(telegram.webhookUrl(TOKEN)).isEqualTo("http://127.0.0.1:" + server.getPort() + "/api/channels/" + channelId + "/telegram");
        assertThat(telegram.webhookSecret(TOKEN)).matches("[A-Za-z0-9_-]{32,256}");
        JsonNode setWebhook = telegram.calls("setWebhook").get(0).body();
        assertThat(setWebhook.path("allowed_updates").toString()).isEqualTo("[\"message\",\"callback_query\"]");

        Reply shown = get("/api/admin/channels/" + channelId);
        assertThat(shown.body().toString()).doesNotContain(TOKEN).doesNotContain(telegram.webhookSecret(TOKEN));
        assertThat(shown.map("secrets")).containsEntry("botToken", true).containsEntry("webhookSecret", true);
        assertThat(get("/api/admin/channels/" + channelId + "/telegram").body())
                .containsEntry("registered", true).containsEntry("upToDate", true).containsEntry("botUsername", "hearth_pine_bot");
    }

    @Test
    void should_refuse_a_channel_whose_token_telegram_does_not_know() {
        Reply refused = createChannel("5000002:AAHunknownBotTokenForTouchpointTest0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("field")).isEqualTo("botToken");
    }

    @Test
    void should_answer_a_text_message_with_the_bot_answer_citing_its_faq_and_offering_thumbs() {
        long user = newUser();

        assertThat(say(user, "How do I return a lamp?")).isEqualTo(200);

        JsonNode answer = awaitMessage(user, "30 days");
        assertThat(answer.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(answer.path("text").asText()).isEqualTo("You can return items within <b>30 days</b>.\n\n"
                + "<i>From our help centre: What is your return policy?</i>");
        assertThat(answer.path("reply_markup").toString()).contains(TelegramRendering.HELPFUL, TelegramRendering.NOT_HELPFUL);
        assertThat(log(user)).extracting(TranscriptEvent::type).contains(EventType.CUSTOMER_ASKED, EventType.BOT_ANSWERED);
        assertThat(transcript.conversation(conversationOf(user)).orElseThrow().channelType()).isEqualTo("telegram");
        String contactId = contacts.contactOf(conversationOf(user)).orElseThrow();
        assertThat(contacts.find(Identity.telegramUser(user)).orElseThrow().id()).isEqualTo(contactId);
    }

    @Test
    void should_answer_the_clarify_option_the_customer_presses() {
        long user = newUser();
        say(user, "refund or return?");
        JsonNode clarify = awaitMessage(user, "Did you mean");
        assertThat(FakeTelegram.visibleText(clarify.path("text").asText())).isEqualTo("Did you mean one of these?");

        assertThat(press(user, clarify, "When will I get my refund?")).isEqualTo(200);

        awaitMessage(user, "Refunds arrive within 5 working days.");
        TranscriptEvent answered = log(user).stream().filter(e -> e.is(EventType.BOT_ANSWERED)).reduce((a, b) -> b).orElseThrow();
        assertThat(answered.faqId()).isEqualTo("refund-timing");
        assertThat(answered.data(EventData.BotAnswered.class).orElseThrow().chosen()).isTrue();
        await().atMost(WAIT).until(() -> telegram.calls("editMessageReplyMarkup").stream()
                .anyMatch(c -> c.body().path("message_id").asLong() == telegram.messageIdOf(clarify)));
        assertThat(telegram.calls("answerCallbackQuery")).isNotEmpty();
    }

    @Test
    void should_refuse_a_button_signed_for_another_chat() {
        long owner = newUser();
        long intruder = newUser();
        say(owner, "refund or return?");
        JsonNode clarify = awaitMessage(owner, "Did you mean");
        say(intruder, "refund or return?");
        awaitMessage(intruder, "Did you mean");
        int before = log(intruder).size();

        int status = telegram.deliver(TOKEN, telegram.callbackUpdate(telegram.nextUpdateId(), intruder, telegram.messageIdOf(clarify),
                button(clarify, "When will I get my refund?")));

        assertThat(status).isEqualTo(200);
        assertThat(log(intruder)).hasSize(before);
    }

    @Test
    void should_record_thumbs_and_survey_scores_pressed_as_buttons() {
        long user = newUser();
        say(user, "How do I return a lamp?");
        JsonNode answer = awaitMessage(user, "30 days");

        press(user, answer, TelegramRendering.HELPFUL);

        JsonNode ces = awaitMessage(user, "easy");
        assertThat(ces.path("reply_markup").path("inline_keyboard").get(0)).hasSize(7);
        press(user, ces, "6");
        JsonNode csat = awaitMessage(user, "satisfied");
        press(user, csat, "5");
        awaitMessage(user, "Thank you for your feedback!");

        List<TranscriptEvent> log = log(user);
        assertThat(log.stream().flatMap(e -> e.data(EventData.AnswerRated.class).stream()))
                .containsExactly(new EventData.AnswerRated("return-policy", true, answer(log).seq(), "thumbs"));
        assertThat(log.stream().flatMap(e -> e.data(EventData.SurveyAnswered.class).stream()).map(a -> a.type() + "=" + a.score() + " via " + a.via()))
                .containsExactly("CES=6 via button", "CSAT=5 via button");
    }

    private static TranscriptEvent answer(List<TranscriptEvent> log) {
        return log.stream().filter(e -> e.is(EventType.BOT_ANSWERED)).findFirst().orElseThrow();
    }

    @Test
    void should_bring_the_agents_reply_from_the_console_to_telegram() {
        long user = newUser();
        say(user, "I want to talk to a person");
        await().atMost(WAIT).until(() -> log(user).stream().anyMatch(e -> e.is(EventType.HANDOFF_REQUESTED)));
        String agent = agentToken("grace" + user);
        String conversationId = conversationOf(user);

        assertThat(raw.exchange(HttpRequest.POST("/api/agent/conversations/" + conversationId + "/claim", "")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(agent)).status()).isEqualTo(200);
        assertThat(raw.exchange(HttpRequest.POST("/api/agent/conversations/" + conversationId + "/messages",
                "{\"text\":\"Hi, I'm Grace <3 & happy to help\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(agent)).status())
                .isBetween(200, 201);

        JsonNode reply = awaitMessage(user, "happy to help");
        assertThat(reply.path("text").asText()).endsWith("\nHi, I'm Grace &lt;3 &amp; happy to help");
        say(user, "Thanks Grace, my order is 1234");
        await().atMost(WAIT).until(() -> log(user).stream().anyMatch(e -> e.is(EventType.CUSTOMER_ASKED) && "Thanks Grace, my order is 1234".equals(e.text())));
    }

    private String agentToken(String username) {
        Reply created = post("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + username
                + "-password-1\",\"displayName\":\"Grace\",\"roles\":[\"AGENT\"],\"teams\":[\"support\"]}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String token = raw.exchange(HttpRequest.POST("/login", "{\"username\":\"" + username + "\",\"password\":\"" + username
                + "-password-1\"}").contentType(MediaType.APPLICATION_JSON)).string("access_token");
        raw.exchange(HttpRequest.PUT("/api/agent/presence", "{\"status\":\"online\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(token));
        return token;
    }

    @Test
    void should_reply_politely_that_only_text_is_read_when_a_photo_arrives() {
        long user = newUser();

        assertThat(telegram.deliver(TOKEN, telegram.photoUpdate(telegram.nextUpdateId(), user))).isEqualTo(200);

        awaitMessage(user, "only read text");
        assertThat(inbox.thread(channelId, String.valueOf(user))).isEmpty();
    }

    @Test
    void should_refuse_updates_without_or_with_a_wrong_secret_token_and_store_nothing() {
        long user = newUser();
        String update = telegram.textUpdate(telegram.nextUpdateId(), user, "How do I return a lamp?");

        assertThat(telegram.deliver(TOKEN, update, null)).isEqualTo(401);
        assertThat(telegram.deliver(TOKEN, update, "wrong-secret")).isEqualTo(403);
        assertThat(telegram.deliver(TOKEN, update, telegram.webhookSecret(TOKEN) + "x")).isEqualTo(403);

        assertThat(inbox.thread(channelId, String.valueOf(user))).isEmpty();
    }

    @Test
    void should_process_a_repeated_update_once() {
        long user = newUser();
        String update = telegram.textUpdate(telegram.nextUpdateId(), user, "How do I return a lamp?");

        assertThat(telegram.deliver(TOKEN, update)).isEqualTo(200);
        assertThat(telegram.deliver(TOKEN, update)).isEqualTo(200);

        assertThat(log(user).stream().filter(e -> e.is(EventType.CUSTOMER_ASKED))).hasSize(1);
        assertThat(log(user).stream().filter(e -> e.is(EventType.BOT_ANSWERED))).hasSize(1);
    }

    @Test
    void should_deliver_an_answer_after_telegram_floods_and_fails() {
        long user = newUser();
        telegram.fail("sendMessage", 1, 429, 1);
        telegram.fail("sendMessage", 2, 500, null);

        say(user, "How do I return a lamp?");

        awaitMessage(user, "30 days");
        await().atMost(WAIT).untilAsserted(() -> assertThat(telegram.textsTo(user).stream().filter(t -> t.contains("30 days"))).hasSize(1));
    }

    @Test
    void should_delete_the_webhook_when_the_channel_is_disabled_and_register_it_again_when_enabled() {
        String token = "5000003:AAHthirdBotTokenForTouchpointTests00";
        telegram.bot(token, "second_bot");
        Reply created = createChannel(token);
        String id = created.string("id");
        await().atMost(WAIT).until(() -> telegram.webhookUrl(token) != null);

        assertThat(put("/api/admin/channels/" + id, "{\"enabled\":false}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> telegram.webhookUrl(token) == null);
        assertThat(telegram.calls("deleteWebhook")).anyMatch(c -> c.token().equals(token));

        assertThat(put("/api/admin/channels/" + id, "{\"enabled\":true}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> telegram.webhookUrl(token) != null);
    }
}
