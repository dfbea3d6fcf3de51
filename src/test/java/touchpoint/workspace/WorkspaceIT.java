package touchpoint.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.testing.LiveSocket;

/**
 * The agent's workspace over HTTP and WebSocket: a private note reaches staff and never the customer (their API,
 * their socket, the catch-up after a gap); files are taken by content, not by name; labels, search and canned
 * replies.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = WorkspaceClient.ADMIN_PASSWORD)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
class WorkspaceIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    SearchProjection projection;

    @Inject
    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    WorkspaceClient client;
    String admin;

    @BeforeEach
    void setUp() {
        client = new WorkspaceClient("http://127.0.0.1:" + server.getPort(), json);
        admin = client.login("admin", WorkspaceClient.ADMIN_PASSWORD);
    }

    private String newAgent() {
        return client.agent(admin, "ws-agent" + NAMES.incrementAndGet());
    }

    private Map<String, Object> conversationWithAgent(String agent) {
        Map<String, Object> c = client.startConversation();
        String id = (String) c.get("id");
        String token = (String) c.get("token");
        assertThat(client.send("POST", "/api/conversations/" + id + "/messages", token,
                "{\"text\":\"I want to talk to a person\"}").status()).isEqualTo(200);
        assertThat(client.send("POST", "/api/agent/conversations/" + id + "/claim", agent, null).status()).isEqualTo(200);
        return c;
    }

    @Test
    void should_never_send_a_note_to_the_customer_on_the_api_or_the_socket_while_agents_see_it_live() {
        String agent = newAgent();
        Map<String, Object> c = conversationWithAgent(agent);
        String id = (String) c.get("id");
        String token = (String) c.get("token");
        URI customerSocket = URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + id + "?token=" + token);
        URI agentSocket = URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + agent);
        try (LiveSocket customer = LiveSocket.open(customerSocket); LiveSocket console = LiveSocket.open(agentSocket)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> customer.heartbeats() > 0 && console.heartbeats() > 0);
            console.send("{\"watch\":\"" + id + "\"}");

            WorkspaceClient.Answer note = client.send("POST", "/api/agent/conversations/" + id + "/notes", agent,
                    "{\"text\":\"SECRET-NOTE refund approved by the supervisor\"}");
            client.send("POST", "/api/agent/conversations/" + id + "/messages", agent, "{\"text\":\"A refund is on its way\"}");

            assertThat(note.status()).as(note.body()).isEqualTo(201);
            assertThat(note.json(json)).containsEntry("type", "NOTE_ADDED").containsEntry("kind", "note");
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", console.frames()).contains("A refund is on its way"));
            assertThat(String.join("\n", console.frames())).contains("SECRET-NOTE");
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", customer.frames()).contains("A refund is on its way"));
            assertThat(String.join("\n", customer.frames())).doesNotContain("SECRET-NOTE").doesNotContain("NOTE_ADDED");
        }
        WorkspaceClient.Answer read = client.get("/api/conversations/" + id + "/messages?after=0", token);
        assertThat(read.body()).doesNotContain("SECRET-NOTE").doesNotContain("NOTE_ADDED").contains("A refund is on its way");
        // The customer learns the log's length, so a gap left by a note is not asked for again and again.
        Map<String, Object> body = read.json(json);
        List<Map<String, Object>> messages = WorkspaceClient.list(body, "messages");
        assertThat(((Number) body.get("lastSeq")).longValue())
                .isEqualTo(((Number) messages.get(messages.size() - 1).get("seq")).longValue());
        try (LiveSocket replay = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + id
                + "?token=" + token + "&after=0"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", replay.frames()).contains("A refund is on its way"));
            assertThat(String.join("\n", replay.frames())).doesNotContain("SECRET-NOTE");
        }
        assertThat(client.get("/api/agent/conversations/" + id, agent).body()).contains("SECRET-NOTE");
    }

    @Test
    void should_pass_typing_both_ways_throttled_and_never_store_it() {
        String agent = newAgent();
        Map<String, Object> c = conversationWithAgent(agent);
        String id = (String) c.get("id");
        String token = (String) c.get("token");
        try (LiveSocket customer = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + id
                + "?token=" + token));
             LiveSocket console = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + agent))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> customer.heartbeats() > 0 && console.heartbeats() > 0);
            console.send("{\"watch\":\"" + id + "\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                customer.send("{\"typing\":true}");
                return typing(console.frames(), "customer") > 0;
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                console.send("{\"typing\":\"" + id + "\"}");
                return typing(customer.frames(), "agent") > 0;
            });

            int before = typing(console.frames(), "customer");
            for (int i = 0; i < 5; i++) {
                customer.send("{\"typing\":true}");
            }
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(typing(console.frames(), "customer") - before).as("typing is said at most once per 2 s").isLessThanOrEqualTo(1);
        }
        assertThat(client.get("/api/conversations/" + id + "/messages?after=0", token).body()).doesNotContain("typing");
        assertThat(client.get("/api/agent/conversations/" + id, agent).body()).doesNotContain("\"typing\"");
    }

    private static int typing(List<String> frames, String author) {
        return (int) frames.stream().filter(f -> f.contains("\"type\":\"typing\"") && f.contains("\"author\":\"" + author + "\"")).count();
    }

    @Test
    void should_refuse_a_note_from_a_customer_token_and_to_an_unknown_conversation() {
        Map<String, Object> c = client.startConversation();
        String id = (String) c.get("id");

        assertThat(client.send("POST", "/api/agent/conversations/" + id + "/notes", (String) c.get("token"), "{\"text\":\"hi\"}").status())
                .isEqualTo(403);
        assertThat(client.send("POST", "/api/agent/conversations/no-such/notes", newAgent(), "{\"text\":\"hi\"}").status())
                .isEqualTo(404);
    }

    @Test
    void should_refuse_an_executable_renamed_png_whatever_type_it_claims() {
        Map<String, Object> c = client.startConversation();
        String id = (String) c.get("id");

        WorkspaceClient.Answer refused = client.upload("/api/conversations/" + id + "/attachments", (String) c.get("token"),
                "photo.png", "image/png", WorkspaceClient.executable());

        assertThat(refused.status()).isIn(400, 415);
        assertThat(refused.body()).contains("file");
        assertThat(client.get("/api/conversations/" + id + "/messages?after=0", (String) c.get("token")).body())
                .doesNotContain("CUSTOMER_ATTACHED");
    }

    @Test
    void should_refuse_svg_and_html_even_when_named_as_images() {
        Map<String, Object> c = client.startConversation();
        String id = (String) c.get("id");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        String html = "<!doctype html><html><body><script>alert(1)</script></body></html>";

        assertThat(client.upload("/api/conversations/" + id + "/attachments", (String) c.get("token"), "cat.svg", "image/svg+xml",
                svg.getBytes(StandardCharsets.UTF_8)).status()).isIn(400, 415);
        assertThat(client.upload("/api/conversations/" + id + "/attachments", (String) c.get("token"), "cat.png", "image/png",
                html.getBytes(StandardCharsets.UTF_8)).status()).isIn(400, 415);
    }

    @Test
    void should_take_a_customer_photo_and_serve_it_only_to_that_customer_and_to_agents() {
        Map<String, Object> c = client.startConversation();
        Map<String, Object> other = client.startConversation();
        String id = (String) c.get("id");
        String token = (String) c.get("token");

        WorkspaceClient.Answer sent = client.upload("/api/conversations/" + id + "/attachments", token,
                "../../damaged lamp.PNG", "application/octet-stream", WorkspaceClient.png());

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        Map<String, Object> stored = sent.json(json);
        assertThat(stored).containsEntry("contentType", "image/png").containsEntry("size", WorkspaceClient.png().length);
        String path = "/api/conversations/" + id + "/attachments/" + stored.get("id");
        WorkspaceClient.Answer served = client.get(path, token);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(WorkspaceClient.png());
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"damaged-lamp.png\"");
        assertThat(client.get(path, newAgent()).status()).isEqualTo(200);
        assertThat(client.get(path, (String) other.get("token")).status()).isEqualTo(404);
        assertThat(client.get(path, null).status()).isEqualTo(401);
        assertThat(client.get("/api/conversations/" + other.get("id") + "/attachments/" + stored.get("id"), (String) other.get("token"))
                .status()).isEqualTo(404);
        assertThat(client.get("/api/conversations/" + id + "/messages?after=0", token).body())
                .contains("CUSTOMER_ATTACHED").contains((String) stored.get("id"));
    }

    @Test
    void should_serve_a_pdf_as_a_download() {
        String agent = newAgent();
        Map<String, Object> c = conversationWithAgent(agent);
        String id = (String) c.get("id");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        WorkspaceClient.Answer sent = client.upload("/api/agent/conversations/" + id + "/attachments", agent, "label.pdf",
                "application/pdf", pdf);

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        WorkspaceClient.Answer served = client.get("/api/conversations/" + id + "/attachments/" + sent.json(json).get("id"),
                (String) c.get("token"));
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"label.pdf\"");
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    @Test
    void should_find_conversations_by_label_text_state_and_agent() {
        String agent = newAgent();
        Map<String, Object> c = conversationWithAgent(agent);
        String id = (String) c.get("id");
        client.send("POST", "/api/conversations/" + id + "/messages", (String) c.get("token"), "{\"text\":\"my zebra-striped lamp broke\"}");

        WorkspaceClient.Answer labelled = client.send("POST", "/api/agent/conversations/" + id + "/labels", agent,
                "{\"add\":[\"Damaged\",\"vip\"]}");

        assertThat(labelled.status()).as(labelled.body()).isEqualTo(200);
        assertThat(labelled.json(json).get("labels")).isEqualTo(List.of("damaged", "vip"));
        assertThat(ids(client.get("/api/agent/search?label=damaged", agent))).contains(id);
        assertThat(ids(client.get("/api/agent/search?text=ZEBRA-striped&state=with_agent", agent))).containsExactly(id);
        assertThat(ids(client.get("/api/agent/search?text=zebra&state=resolved", agent))).isEmpty();
        assertThat(ids(client.get("/api/agent/search?label=vip&team=support", agent))).contains(id);
        client.send("POST", "/api/agent/conversations/" + id + "/labels", agent, "{\"remove\":[\"vip\"]}");
        assertThat(ids(client.get("/api/agent/search?label=vip", agent))).doesNotContain(id);
        assertThat(client.get("/api/conversations/" + id + "/messages?after=0", (String) c.get("token")).body())
                .doesNotContain("LABELS_CHANGED");
        assertThat(client.get("/api/agent/search?from=yesterday", agent).status()).isEqualTo(400);
    }

    @Test
    void should_rebuild_a_conversations_search_rows_from_its_log() {
        String agent = newAgent();
        Map<String, Object> c = conversationWithAgent(agent);
        String id = (String) c.get("id");
        client.send("POST", "/api/agent/conversations/" + id + "/labels", agent, "{\"add\":[\"rebuilt\"]}");
        client.send("POST", "/api/agent/conversations/" + id + "/notes", agent, "{\"text\":\"quokka sighting\"}");
        tx.executeWrite(status -> {
            for (String table : List.of("conversation_label", "conversation_text", "conversation_search")) {
                jdbc.prepareStatement("DELETE FROM " + table + " WHERE conversation_id = ?", ps -> {
                    ps.setString(1, id);
                    return ps.executeUpdate();
                });
            }
            return null;
        });
        assertThat(ids(client.get("/api/agent/search?label=rebuilt", agent))).doesNotContain(id);

        projection.rebuild(id);

        assertThat(ids(client.get("/api/agent/search?label=rebuilt&text=quokka&state=with_agent", agent))).containsExactly(id);
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(WorkspaceClient.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return WorkspaceClient.list(a.json(json), "conversations").stream().map(h -> (String) h.get("conversationId")).toList();
    }

    @Test
    void should_fill_in_a_canned_reply_with_a_fallback_name_and_an_faq_answer() {
        String agent = newAgent();
        Map<String, Object> c = conversationWithAgent(agent);
        String shortcut = "refund" + NAMES.incrementAndGet();
        WorkspaceClient.Answer created = client.send("POST", "/api/admin/canned-replies", admin, "{\"shortcut\":\"/" + shortcut
                + "\",\"title\":\"Refund\",\"body\":\"Hi {{customer.name | there}}, I am {{agent.name}}. {{faq:returns}}\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        WorkspaceClient.Answer expanded = client.get("/api/agent/conversations/" + c.get("id") + "/canned-replies", agent);

        assertThat(expanded.status()).isEqualTo(200);
        assertThat(expanded.body()).contains("Hi there, I am ws-agent");
        assertThat(client.send("POST", "/api/admin/canned-replies", admin, "{\"shortcut\":\"" + shortcut
                + "\",\"title\":\"Again\",\"body\":\"x\"}").status()).isEqualTo(409);
        assertThat(client.send("POST", "/api/admin/canned-replies", agent, "{\"shortcut\":\"x\",\"title\":\"x\",\"body\":\"x\"}").status())
                .isEqualTo(403);
    }
}
