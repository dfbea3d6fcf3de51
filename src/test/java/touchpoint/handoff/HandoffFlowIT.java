package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;

/** The hand-off as customers and agents see it, over HTTP and WebSocket, with agents claiming from the queue. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = StaffClient.ADMIN_PASSWORD)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
class HandoffFlowIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    CustomerClient customer;
    StaffClient staff;
    String admin;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
        staff = new StaffClient(http.toBlocking());
        admin = staff.adminToken();
    }

    private static String name(String base) {
        return base + NAMES.incrementAndGet();
    }

    private URI customerSocket(Reply c) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id") + "?token=" + c.string("token"));
    }

    private URI agentSocket(String token) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + token);
    }

    /** Empty lists are left out of responses (serde's NON_EMPTY default), so no "replies" means none. */
    private static List<String> types(Reply r) {
        assertThat(r.status()).isEqualTo(200);
        List<Map<String, Object>> replies = r.list("replies");
        return replies == null ? List.of() : replies.stream().map(m -> (String) m.get("type")).toList();
    }

    private String state(Reply c) {
        return customer.messages(c.string("id"), c.string("token"), 0).string("state");
    }

    @Test
    void should_let_the_customer_see_it_live_and_the_bot_answer_again_when_a_customer_asks_for_a_person_and_an_agent_claims_replies_and_hands_back() {
        String alice = staff.agentToken(admin, name("alice"), List.of("support", "returns"));
        Reply c = customer.start("{\"touchpoint\":\"web\"}");
        String id = c.string("id");

        try (LiveSocket customerLive = LiveSocket.open(customerSocket(c))) {
            Reply asked = customer.say(id, c.string("token"), "m1", "Can I talk to someone?");
            assertThat(types(asked)).startsWith("HANDOFF_REQUESTED", "SYSTEM_NOTICE");
            assertThat(asked.list("replies").get(0).get("data").toString()).contains("reason=customer_request");
            assertThat(state(c)).isEqualTo("WAITING_FOR_AGENT");

            assertThat(staff.online(alice).string("status")).isEqualTo("online");
            Map<String, Object> entry = staff.waiting(alice).stream().filter(w -> id.equals(w.get("conversationId"))).findFirst().orElseThrow();
            assertThat(entry).containsEntry("touchpoint", "web").containsKey("waitingSeconds").containsEntry("offline", false);

            try (LiveSocket agentLive = LiveSocket.open(agentSocket(alice))) {
                await().atMost(Duration.ofSeconds(5)).until(() -> !agentLive.closed());
                assertThat(staff.claim(alice, id).status()).isEqualTo(200);
                assertThat(staff.reply(alice, id, "Hi, I'm Alice. How can I help?").status()).isEqualTo(200);

                await().atMost(Duration.ofSeconds(5)).until(() -> customerLive.frames().stream().anyMatch(f -> f.contains("AGENT_REPLIED")));
                assertThat(customerLive.frames()).anyMatch(f -> f.contains("AGENT_JOINED"))
                        .anyMatch(f -> f.contains("Hi, I'm Alice. How can I help?") && f.contains("\"author\":\"agent\""));
                assertThat(state(c)).isEqualTo("WITH_AGENT");

                Reply whileWithAgent = customer.say(id, c.string("token"), "m2", "How do I return a lamp?");
                assertThat(types(whileWithAgent)).isEmpty();
                await().atMost(Duration.ofSeconds(5)).until(() -> agentLive.frames().stream()
                        .anyMatch(f -> f.contains("CUSTOMER_ASKED") && f.contains("How do I return a lamp?")));
            }

            assertThat(staff.post("/api/agent/conversations/" + id + "/handback", alice, null).status()).isEqualTo(200);
            Reply afterHandback = customer.say(id, c.string("token"), "m3", "How do I return a lamp?");
            // The hand-back survey, left unanswered, is closed by the new question; then the bot answers.
            assertThat(types(afterHandback)).endsWith("BOT_ANSWERED").doesNotContain("BOT_FELL_BACK");
            await().atMost(Duration.ofSeconds(5)).until(() -> customerLive.frames().stream().anyMatch(f -> f.contains("BOT_RESUMED")));
        }
    }

    @Test
    void should_resolve_a_conversation_and_let_the_customer_start_over_with_the_bot_when_its_agent_resolves_it() {
        String agent = staff.agentToken(admin, name("rita"), List.of("support"));
        staff.online(agent);
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "human please");
        staff.claim(agent, c.string("id"));

        assertThat(staff.post("/api/agent/conversations/" + c.string("id") + "/resolve", agent, null).status()).isEqualTo(200);

        assertThat(state(c)).isEqualTo("RESOLVED");
        assertThat(types(customer.say(c.string("id"), c.string("token"), "m2", "return policy?"))).endsWith("BOT_ANSWERED");
    }

    @Test
    void should_let_exactly_one_claim_win_and_answer_409_to_the_others_when_many_agents_claim_one_conversation_at_once() throws Exception {
        int n = 6;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(staff.agentToken(admin, name("racer"), List.of("support")));
        }
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "operator");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    start.await();
                    return staff.claim(token, c.string("id")).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).filteredOn(m -> "AGENT_JOINED".equals(m.get("type"))).hasSize(1);
    }

    @Test
    void should_keep_the_bot_silent_and_send_the_queue_notice_at_most_once_a_minute_when_a_waiting_customer_writes_again() {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "real person");

        Reply first = customer.say(c.string("id"), c.string("token"), "m2", "How do I return a lamp?");
        Reply second = customer.say(c.string("id"), c.string("token"), "m3", "hello?");

        assertThat(types(first)).doesNotContain("BOT_ANSWERED", "BOT_FELL_BACK");
        assertThat(types(second)).isEmpty();
    }

    @Test
    void should_tell_the_customer_at_once_and_let_them_leave_a_message_that_stays_in_the_queue_when_they_ask_for_a_person_and_no_agent_is_online() {
        Reply c = customer.start("{\"touchpoint\":\"orders\"}");
        Reply asked = customer.say(c.string("id"), c.string("token"), "m1", "agent please");

        Map<String, Object> notice = asked.list("replies").stream().filter(m -> "SYSTEM_NOTICE".equals(m.get("type"))).findFirst().orElseThrow();
        assertThat(notice.get("data").toString()).contains("notice=no_agent_online");

        Reply left = customer.exchange(io.micronaut.http.HttpRequest.POST("/api/conversations/" + c.string("id") + "/offline-message",
                        "{\"email\":\"sam@example.com\",\"text\":\"Please call me about order 123\"}")
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON).bearerAuth(c.string("token")));
        assertThat(left.status()).isEqualTo(202);

        String agent = staff.agentToken(admin, name("olga"), List.of("orders"));
        Map<String, Object> entry = staff.waiting(agent).stream().filter(w -> c.string("id").equals(w.get("conversationId"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("offline", true).containsEntry("email", "sam@example.com").containsEntry("team", "orders");
        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).anyMatch(m -> "OFFLINE_MESSAGE_LEFT".equals(m.get("type")) && "Please call me about order 123".equals(m.get("text")));
    }

    @Test
    void should_refuse_an_offline_message_and_name_the_field_when_it_has_a_wrong_token_or_a_bad_email() {
        Reply c = customer.start(null);
        Reply wrongToken = customer.exchange(io.micronaut.http.HttpRequest.POST("/api/conversations/" + c.string("id") + "/offline-message",
                "{\"email\":\"sam@example.com\",\"text\":\"hi\"}").contentType(io.micronaut.http.MediaType.APPLICATION_JSON).bearerAuth("nope"));
        Reply badEmail = customer.exchange(io.micronaut.http.HttpRequest.POST("/api/conversations/" + c.string("id") + "/offline-message",
                "{\"email\":\"not-an-email\",\"text\":\"hi\"}").contentType(io.micronaut.http.MediaType.APPLICATION_JSON).bearerAuth(c.string("token")));

        assertThat(wrongToken.status()).isEqualTo(404);
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body()).containsEntry("field", "email");
    }

    @Test
    void should_send_the_conversation_to_a_person_when_there_are_two_fallbacks_in_a_row() {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "Do you sell spaceships?");
        assertThat(state(c)).isEqualTo("BOT");

        customer.say(c.string("id"), c.string("token"), "m2", "Or rockets?");

        assertThat(state(c)).isEqualTo("WAITING_FOR_AGENT");
        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).anyMatch(m -> "HANDOFF_REQUESTED".equals(m.get("type")) && m.get("data").toString().contains("reason=repeated_fallback"));
    }

    @Test
    void should_send_the_conversation_to_a_person_of_the_faqs_team_when_two_answers_are_rated_unhelpful() {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");
        customer.say(c.string("id"), c.string("token"), "m2", "that didn't help");
        assertThat(state(c)).isEqualTo("BOT");

        customer.say(c.string("id"), c.string("token"), "m3", "that didn't help");

        assertThat(state(c)).isEqualTo("WAITING_FOR_AGENT");
        List<Map<String, Object>> messages = customer.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).anyMatch(m -> "HANDOFF_REQUESTED".equals(m.get("type"))
                && m.get("data").toString().contains("reason=repeated_thumbs_down") && m.get("data").toString().contains("team=returns"));
    }

    @Test
    void should_send_the_conversation_to_a_person_when_the_customer_is_angry_but_not_when_a_question_mentions_an_agent() {
        Reply angry = customer.start(null);
        Reply calm = customer.start(null);

        customer.say(angry.string("id"), angry.string("token"), "m1", "THIS IS RIDICULOUS, NOTHING WORKS!!!");
        customer.say(calm.string("id"), calm.string("token"), "m1", "My delivery agent left the parcel at the wrong door, how do I return it?");

        assertThat(state(angry)).isEqualTo("WAITING_FOR_AGENT");
        assertThat(state(calm)).isEqualTo("BOT");
    }

    @Test
    void should_store_a_reply_once_and_answer_the_retry_the_same_when_it_is_sent_twice_with_one_client_message_id() {
        String agent = staff.agentToken(admin, name("rita"), List.of("support"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "talk to a human");
        staff.claim(agent, c.string("id"));
        String path = "/api/agent/conversations/" + c.string("id") + "/messages";

        Reply first = staff.post(path, agent, "{\"text\":\"Hello once\",\"clientMessageId\":\"r-1\"}");
        Reply retry = staff.post(path, agent, "{\"text\":\"Hello once\",\"clientMessageId\":\"r-1\"}");
        Reply next = staff.post(path, agent, "{\"text\":\"Hello twice\",\"clientMessageId\":\"r-2\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("duplicate", false);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).containsEntry("duplicate", true);
        assertThat(next.body()).containsEntry("duplicate", false);
        assertThat(customer.messages(c.string("id"), c.string("token"), 0).list("messages"))
                .filteredOn(m -> "AGENT_REPLIED".equals(m.get("type"))).extracting(m -> m.get("text"))
                .containsExactly("Hello once", "Hello twice");
        assertThat(staff.post(path, agent, "{\"text\":\"x\",\"clientMessageId\":\"no spaces\"}").status()).isEqualTo(400);
    }

    @Test
    void should_record_the_faq_a_reply_cites_and_refuse_one_that_is_not_served() {
        String agent = staff.agentToken(admin, name("fay"), List.of("support"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "talk to a human");
        staff.claim(agent, c.string("id"));
        String path = "/api/agent/conversations/" + c.string("id") + "/messages";

        Reply unknown = staff.post(path, agent, "{\"text\":\"See our policy\",\"faqId\":\"no-such-faq\"}");
        Reply cited = staff.post(path, agent, "{\"text\":\"You can return items within 30 days.\",\"faqId\":\"return-policy\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).containsEntry("field", "faqId");
        assertThat(cited.status()).isEqualTo(200);
        assertThat(customer.messages(c.string("id"), c.string("token"), 0).list("messages"))
                .filteredOn(m -> "AGENT_REPLIED".equals(m.get("type")))
                .singleElement().satisfies(m -> assertThat(m.get("data").toString()).contains("return-policy"));
    }

    @Test
    void should_not_let_another_agent_reply_to_a_conversation_when_one_agent_owns_it() {
        String owner = staff.agentToken(admin, name("owen"), List.of("support"));
        String other = staff.agentToken(admin, name("otto"), List.of("support"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "talk to a human");
        staff.claim(owner, c.string("id"));

        assertThat(staff.reply(other, c.string("id"), "hello").status()).isEqualTo(403);
        assertThat(staff.reply(owner, c.string("id"), "hello").status()).isEqualTo(200);
        assertThat(staff.claim(other, c.string("id")).status()).isEqualTo(409);
    }

    @Test
    void should_let_the_conversation_wait_in_the_other_teams_queue_when_it_is_transferred_to_another_team() {
        String agent = staff.agentToken(admin, name("tess"), List.of("support"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "speak to someone");
        staff.claim(agent, c.string("id"));

        Reply moved = staff.post("/api/agent/conversations/" + c.string("id") + "/transfer", agent, "{\"team\":\"billing\"}");
        Reply unknownTeam = staff.post("/api/agent/conversations/" + c.string("id") + "/transfer", agent, "{\"team\":\"astronauts\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(unknownTeam.status()).isEqualTo(400);
        assertThat(unknownTeam.body()).containsEntry("field", "team");
        assertThat(state(c)).isEqualTo("WAITING_FOR_AGENT");
        assertThat(staff.waiting(agent)).anyMatch(w -> c.string("id").equals(w.get("conversationId")) && "billing".equals(w.get("team")));
    }

    @Test
    void should_show_the_whole_history_and_an_extractive_summary_in_the_agent_view_when_a_conversation_is_claimed() {
        String agent = staff.agentToken(admin, name("sumi"), List.of("support"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");
        customer.say(c.string("id"), c.string("token"), "m2", "that didn't help");
        customer.say(c.string("id"), c.string("token"), "m3", "talk to a person");
        staff.claim(agent, c.string("id"));

        Reply view = staff.get("/api/agent/conversations/" + c.string("id"), agent);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.string("state")).isEqualTo("WITH_AGENT");
        assertThat(view.list("messages")).extracting(m -> m.get("type")).contains("BOT_GREETED", "BOT_ANSWERED", "AGENT_JOINED");
        Map<String, Object> summary = view.map("summary");
        assertThat(summary.get("customerQuestions").toString()).contains("How do I return a lamp?");
        assertThat(summary.get("faqsTried").toString()).contains("return-policy").contains("refund-timing");
        assertThat(summary.get("ratings").toString()).contains("helpful=false");
        assertThat((String) summary.get("text")).startsWith("The customer asked: \"How do I return a lamp?\"").contains("customer request");
    }

    @Test
    void should_answer_401_for_anonymous_and_403_for_customer_tokens_and_wrong_roles_when_the_agent_api_gets_the_wrong_credentials() {
        String agent = staff.agentToken(admin, name("rolf"), List.of("support"));
        Reply c = customer.start(null);

        assertThat(staff.get("/api/agent/queue", null).status()).isEqualTo(401);
        assertThat(staff.get("/api/agent/queue", c.string("token")).status()).isEqualTo(403);
        assertThat(staff.get("/api/agent/queue", "aaa.bbb.ccc").status()).isEqualTo(401);
        assertThat(staff.get("/api/admin/users", agent).status()).isEqualTo(403);
        assertThat(staff.status("/api/admin/users", admin)).isEqualTo(200);
        assertThat(staff.get("/api/agent/queue", agent).status()).isEqualTo(200);
        assertThat(staff.login("admin", "wrong-password").status()).isEqualTo(401);
    }

    @Test
    void should_no_longer_let_a_user_log_in_or_use_their_token_when_they_are_disabled() {
        String username = name("dora");
        String id = staff.createAgent(admin, username, List.of("support"));
        String token = staff.token(username, username + "-password-1");

        assertThat(staff.post("/api/admin/users/" + id + "/disable", admin, null).status()).isEqualTo(200);

        assertThat(staff.login(username, username + "-password-1").status()).isEqualTo(401);
        assertThat(staff.get("/api/agent/queue", token).status()).isEqualTo(403);
    }

    @Test
    void should_not_let_an_admin_disable_their_own_account() {
        String adminId = ownId();

        Reply refused = staff.post("/api/admin/users/" + adminId + "/disable", admin, null);

        assertThat(refused.body()).containsEntry("status", 400).containsEntry("field", "id");
        assertThat(staff.login("admin", StaffClient.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    private String ownId() {
        java.util.List<java.util.Map> users = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/admin/users").bearerAuth(admin),
                io.micronaut.core.type.Argument.listOf(java.util.Map.class));
        return users.stream().filter(u -> "admin".equals(u.get("username"))).map(u -> (String) u.get("id")).findFirst().orElseThrow();
    }

    @Test
    void should_name_the_field_when_the_admin_api_gets_a_bad_user_request() {
        Reply badRole = staff.post("/api/admin/users", admin,
                "{\"username\":\"x1\",\"password\":\"long-enough-pw\",\"displayName\":\"X\",\"roles\":[\"GOD\"],\"teams\":[]}");
        Reply shortPassword = staff.post("/api/admin/users", admin,
                "{\"username\":\"x2\",\"password\":\"short\",\"displayName\":\"X\",\"roles\":[\"AGENT\"],\"teams\":[]}");
        Reply unknownField = staff.post("/api/admin/users", admin,
                "{\"username\":\"x3\",\"password\":\"long-enough-pw\",\"displayName\":\"X\",\"roles\":[\"AGENT\"],\"admin\":true}");

        assertThat(badRole.body()).containsEntry("status", 400).containsEntry("field", "roles");
        assertThat(shortPassword.body()).containsEntry("status", 400).containsEntry("field", "password");
        assertThat(unknownField.body()).containsEntry("status", 400).containsEntry("field", "admin");
        assertThat(staff.put("/api/agent/presence", admin, "{\"status\":\"busy\"}").body()).containsEntry("field", "status");
    }

    @Test
    void should_serve_the_console_page_publicly_and_have_it_load_only_external_scripts_that_never_use_innerHTML() {
        var blocking = http.toBlocking();
        String page = blocking.retrieve("/agent/index.html");
        String script = blocking.retrieve("/assets/agent/console.js");

        assertThat(page).contains("<script src=\"/assets/agent/console.js\" type=\"module\"></script>");
        assertThat(page.replace("<script src=\"/assets/agent/console.js\" type=\"module\"></script>", "")).doesNotContain("<script").doesNotContainPattern(" on[a-z]+=");
        assertThat(script).doesNotContain("innerHTML").doesNotContain("eval(");
        for (String module : new String[] {"/assets/session.js", "/assets/safe-html.js"}) {
            assertThat(blocking.retrieve(module)).doesNotContain("innerHTML").doesNotContain("eval(");
        }
    }

    @Test
    void should_give_the_conversation_to_the_named_agent_and_no_longer_let_the_old_owner_reply_when_it_is_transferred_to_a_named_agent_of_a_team() {
        String from = staff.agentToken(admin, name("fred"), List.of("support"));
        String toName = name("gina");
        String toId = staff.createAgent(admin, toName, List.of("billing"));
        String to = staff.token(toName, toName + "-password-1");
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "talk to a person");
        staff.claim(from, c.string("id"));

        Reply notMember = staff.post("/api/agent/conversations/" + c.string("id") + "/transfer", from,
                "{\"team\":\"delivery\",\"agentId\":\"" + toId + "\"}");
        Reply moved = staff.post("/api/agent/conversations/" + c.string("id") + "/transfer", from,
                "{\"team\":\"billing\",\"agentId\":\"" + toId + "\"}");

        assertThat(notMember.status()).isEqualTo(400);
        assertThat(notMember.body()).containsEntry("field", "agentId");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(state(c)).isEqualTo("WITH_AGENT");
        assertThat(staff.reply(from, c.string("id"), "still me?").status()).isEqualTo(403);
        assertThat(staff.reply(to, c.string("id"), "Gina here").status()).isEqualTo(200);
    }

    @Test
    void should_keep_the_conversation_with_the_bot_when_the_customer_rates_one_more_answer_down_after_it_was_resolved_following_repeated_thumbs_down() {
        String agent = staff.agentToken(admin, name("vera"), List.of("returns"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");
        customer.say(c.string("id"), c.string("token"), "m2", "that didn't help");
        customer.say(c.string("id"), c.string("token"), "m3", "that didn't help");
        assertThat(state(c)).isEqualTo("WAITING_FOR_AGENT");
        staff.claim(agent, c.string("id"));
        staff.post("/api/agent/conversations/" + c.string("id") + "/resolve", agent, null);

        customer.say(c.string("id"), c.string("token"), "m4", "What is the return policy?");
        customer.say(c.string("id"), c.string("token"), "m5", "that didn't help");

        assertThat(state(c)).isEqualTo("BOT");
    }
}
