package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;

@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class ConversationApiIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    EventRepository events;

    CustomerClient customer;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
    }

    @Test
    void should_start_a_conversation_with_a_secret_token_and_a_greeting() {
        Reply started = customer.start("{\"touchpoint\":\"checkout\",\"locale\":\"en\"}");

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.string("id")).hasSize(36);
        assertThat(started.string("token")).hasSizeGreaterThanOrEqualTo(22);
        assertThat(started.string("state")).isEqualTo("BOT");
        List<Map<String, Object>> messages = started.list("messages");
        assertThat(messages).extracting(m -> m.get("seq")).containsExactly(1, 2);
        assertThat(messages.get(1)).containsEntry("author", "bot").containsEntry("kind", "text");
        assertThat((String) messages.get(1).get("text")).startsWith("Hi!");
    }

    @Test
    void should_accept_an_empty_start_body() {
        Reply started = customer.exchange(HttpRequest.POST("/api/conversations", "").contentType(MediaType.APPLICATION_JSON));

        assertThat(started.status()).isEqualTo(201);
    }

    @Test
    void should_greet_and_thank_in_kind_without_falling_back_or_handing_off() {
        Reply c = customer.start(null);

        Reply hello = customer.say(c.string("id"), c.string("token"), "small-1", "hi!");
        Reply thanks = customer.say(c.string("id"), c.string("token"), "small-2", "thank you");
        Reply bye = customer.say(c.string("id"), c.string("token"), "small-3", "ok, bye");

        assertThat(hello.list("replies")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("type", "BOT_SMALL_TALK").containsEntry("kind", "text").containsEntry("author", "bot")
                .containsEntry("text", "Hello! What can I help you with today?"));
        assertThat(thanks.list("replies")).extracting(r -> r.get("text"))
                .containsExactly("You're welcome! Is there anything else I can help you with?");
        assertThat(bye.list("replies")).extracting(r -> r.get("type")).containsExactly("BOT_SMALL_TALK");
        Reply transcript = customer.messages(c.string("id"), c.string("token"), 0);
        assertThat(transcript.string("state")).isEqualTo("BOT");
        assertThat(transcript.list("messages")).extracting(m -> m.get("type")).doesNotContain("BOT_FELL_BACK", "HANDOFF_REQUESTED");
    }

    @Test
    void should_say_it_is_a_bot_and_offer_a_person_when_asked_who_is_answering() {
        Reply c = customer.start(null);

        Reply asked = customer.say(c.string("id"), c.string("token"), "who-1", "Am I talking to a real person?");

        assertThat(asked.list("replies")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("type", "BOT_SMALL_TALK");
            assertThat((String) r.get("text")).contains("a bot");
            assertThat((List<Map<String, Object>>) r.get("options")).extracting(o -> o.get("value")).containsExactly("Talk to a person");
        });
        assertThat(customer.messages(c.string("id"), c.string("token"), 0).string("state")).isEqualTo("BOT");
    }

    @Test
    void should_answer_from_the_knowledge_base_and_cite_the_faq() {
        Reply c = customer.start(null);

        Reply sent = customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.map("accepted")).containsEntry("author", "customer").containsEntry("seq", 3).containsEntry("text", "How do I return a lamp?");
        Map<String, Object> answer = sent.list("replies").get(0);
        assertThat(answer).containsEntry("author", "bot").containsEntry("kind", "answer").containsEntry("faqId", "return-policy").containsEntry("seq", 4);
        assertThat((Double) answer.get("confidence")).isGreaterThan(0.9);
    }

    @Test
    void should_store_a_repeated_client_message_id_once_and_return_the_same_replies() {
        Reply c = customer.start(null);
        String id = c.string("id");

        Reply first = customer.say(id, c.string("token"), "same-1", "How do I return a lamp?");
        Reply again = customer.say(id, c.string("token"), "same-1", "How do I return a lamp?");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.map("accepted").get("id")).isEqualTo(first.map("accepted").get("id"));
        assertThat(again.list("replies")).extracting(m -> m.get("id")).isEqualTo(first.list("replies").stream().map(m -> m.get("id")).toList());
        assertThat(events.findByConversationIdOrderBySeq(id)).hasSize(4);
    }

    @Test
    void should_return_messages_after_a_sequence_number_with_the_state() {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "return policy?");

        Reply after = customer.messages(c.string("id"), c.string("token"), 2);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.string("state")).isEqualTo("BOT");
        assertThat(after.list("messages")).extracting(m -> m.get("seq")).containsExactly(3, 4);
    }

    @Test
    void should_ask_to_clarify_and_answer_the_option_the_customer_picks() {
        Reply c = customer.start(null);
        Reply clarify = customer.say(c.string("id"), c.string("token"), "m1", "refund or return?");
        Map<String, Object> question = clarify.list("replies").get(0);
        assertThat(question).containsEntry("kind", "clarify");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> options = (List<Map<String, String>>) question.get("options");
        assertThat(options).extracting(o -> o.get("label")).contains("When will I get my refund?", "None of these");

        Reply picked = customer.say(c.string("id"), c.string("token"), "m2", options.get(1).get("value"));

        assertThat(picked.list("replies").get(0)).containsEntry("kind", "answer").containsEntry("faqId", "refund-timing");
    }

    @Test
    void should_move_to_the_next_candidate_when_the_customer_says_it_did_not_help() {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");

        Reply next = customer.say(c.string("id"), c.string("token"), "m2", "that didn't help");

        List<Map<String, Object>> replies = next.list("replies");
        assertThat(replies).extracting(m -> m.get("type")).containsExactly("ANSWER_RATED", "BOT_ANSWERED");
        assertThat(replies.get(1)).containsEntry("faqId", "refund-timing");
    }

    @Test
    void should_say_honestly_when_it_has_no_answer_and_offer_a_person() {
        Reply c = customer.start(null);

        Reply sent = customer.say(c.string("id"), c.string("token"), "m1", "Do you sell spaceships?");

        Map<String, Object> reply = sent.list("replies").get(0);
        assertThat(reply).containsEntry("kind", "fallback").doesNotContainKey("faqId");
        assertThat(reply.get("options").toString()).contains("Talk to a person");
    }

    @Test
    void should_refuse_a_missing_token_with_401() {
        Reply c = customer.start(null);

        Reply read = customer.messages(c.string("id"), null, 0);

        assertThat(read.status()).isEqualTo(401);
    }

    @Test
    void should_answer_a_wrong_token_and_an_unknown_conversation_alike() {
        Reply c = customer.start(null);

        Reply wrongToken = customer.say(c.string("id"), "not-the-token", "m1", "hello");
        Reply unknown = customer.say("00000000-0000-0000-0000-000000000000", c.string("token"), "m1", "hello");

        assertThat(wrongToken.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongToken.body()).isEqualTo(unknown.body());
        assertThat(events.findByConversationIdOrderBySeq(c.string("id"))).hasSize(2);
    }

    @Test
    void should_not_let_one_conversations_token_read_another() {
        Reply mine = customer.start(null);
        Reply theirs = customer.start(null);

        assertThat(customer.messages(theirs.string("id"), mine.string("token"), 0).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"clientMessageId\":\"m1\",\"text\":\"\"}",
        "{\"clientMessageId\":\"m1\",\"text\":\"   \"}",
        "{\"clientMessageId\":\"m1\"}",
        "{\"clientMessageId\":\"m1\",\"text\":{\"a\":1}}",
        "{\"clientMessageId\":\"m1\",\"text\":[1,2]}",
        "{\"clientMessageId\":\"bad id with spaces\",\"text\":\"hi\"}",
        "{\"clientMessageId\":\"m1\",\"text\":\"hi\"",
        "not json at all",
    })
    void should_reject_bad_messages_with_a_problem_naming_the_field_and_store_nothing(String body) {
        Reply c = customer.start(null);

        Reply sent = customer.send(c.string("id"), c.string("token"), body);

        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.body()).containsEntry("status", 400).containsKey("title");
        if (body.startsWith("{\"clientMessageId\":\"m1\",\"text\"") && body.endsWith("}")) {
            assertThat(sent.body()).containsEntry("field", "text");
        }
        assertThat(events.findByConversationIdOrderBySeq(c.string("id"))).hasSize(2);
    }

    @Test
    void should_reject_text_over_2000_characters() {
        Reply c = customer.start(null);

        Reply sent = customer.say(c.string("id"), c.string("token"), "m1", "x".repeat(2001));

        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.body()).containsEntry("field", "text");
        assertThat(customer.say(c.string("id"), c.string("token"), "m2", "x".repeat(2000)).status()).isEqualTo(200);
    }

    @Test
    void should_reject_a_malformed_touchpoint() {
        Reply started = customer.start("{\"touchpoint\":\"<script>\"}");

        assertThat(started.status()).isEqualTo(400);
        assertThat(started.body()).containsEntry("field", "touchpoint");
    }

    @Test
    void should_push_new_messages_over_the_websocket() {
        Reply c = customer.start(null);
        // Clients pass the last seq they hold, so nothing published while the socket opens is lost.
        URI uri = URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id")
                + "?token=" + c.string("token") + "&after=2");

        try (LiveSocket socket = LiveSocket.open(uri)) {
            customer.say(c.string("id"), c.string("token"), "m1", "return policy?");

            await().atMost(Duration.ofSeconds(5)).until(() -> String.join("", socket.frames()).contains("\"seq\":4"));
            assertThat(socket.frames().get(0)).contains("\"seq\":3").contains("\"author\":\"customer\"");
            assertThat(socket.frames()).anySatisfy(f -> assertThat(f).contains("\"seq\":4").contains("return-policy"));
        }
    }

    @Test
    void should_send_missed_messages_when_a_socket_reconnects_with_after() {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "return policy?");
        URI uri = URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id")
                + "?token=" + c.string("token") + "&after=2");

        try (LiveSocket socket = LiveSocket.open(uri)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> socket.frames().size() >= 2);
            assertThat(socket.frames().get(0)).contains("\"seq\":3");
        }
    }

    @Test
    void should_close_a_socket_opened_with_a_wrong_token() {
        Reply c = customer.start(null);
        URI uri = URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id") + "?token=wrong");

        try (LiveSocket socket = LiveSocket.open(uri)) {
            await().atMost(Duration.ofSeconds(5)).until(socket::closed);
        }
    }
}
