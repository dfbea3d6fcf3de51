package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.admin.AdminClient.Reply;

/** The admin API of the "not ours" examples: stored, audited, and handed to the engine when they change. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.fake-knowledge", value = "true")
@Property(name = "touchpoint.admin.seed-on-start", value = "false")
class NotOursApiIT {

    private static final String PATH = "/api/admin/knowledge/not-ours";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    FakeKnowledge engine;

    @Inject
    NotOursRepository rows;

    AdminClient admin;

    @BeforeEach
    void setUp() {
        rows.deleteAll();
        admin = new AdminClient(http.toBlocking(), json, tokens, "alice", "ADMIN");
    }

    @Test
    void should_store_examples_once_each_and_give_them_to_the_engine() {
        Reply added = admin.post(PATH, "{\"texts\":[\"What's the weather in Leeds?\",\"what's the weather   in leeds\","
                + "\"Can you book me a taxi?\"],\"source\":\"gap\"}");

        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
        assertThat(added.list("added")).extracting(e -> e.get("text"))
                .containsExactly("What's the weather in Leeds?", "Can you book me a taxi?");
        assertThat(added.get("skipped")).isEqualTo(1);
        assertThat(added.list("added")).allSatisfy(e -> assertThat(e).containsEntry("source", "gap").containsEntry("createdBy", "alice"));
        assertThat(engine.notOurs).containsExactly("What's the weather in Leeds?", "Can you book me a taxi?");

        Reply again = admin.post(PATH, "{\"texts\":[\"WHAT'S THE WEATHER IN LEEDS\"]}");
        assertThat(again.list("added")).isEmpty();
        assertThat(again.get("skipped")).isEqualTo(1);
        assertThat(admin.get(PATH).list()).hasSize(2);
    }

    @Test
    void should_mask_personal_data_in_an_example() {
        Reply added = admin.post(PATH, "{\"texts\":[\"email jo@example.com about my neighbour's parcel\"]}");

        assertThat(added.list("added")).singleElement().satisfies(e ->
                assertThat((String) e.get("text")).doesNotContain("jo@example.com").contains("[email]"));
    }

    @Test
    void should_audit_additions_and_removals() {
        Reply added = admin.post(PATH, "{\"texts\":[\"who won the cup final\"]}");
        Number id = (Number) added.list("added").get(0).get("id");

        Reply removed = admin.delete(PATH + "/" + id);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(admin.get(PATH).list()).isEmpty();
        assertThat(engine.notOurs).isEmpty();
        List<Map<String, Object>> audit = admin.get("/api/admin/audit?target=knowledge:not-ours").list("entries");
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("knowledge.not-ours-removed", "knowledge.not-ours-added");
        assertThat(audit).allSatisfy(e -> assertThat(e).containsEntry("actor", "alice"));
        assertThat(audit.get(1).get("detail").toString()).contains("who won the cup final");
    }

    @Test
    void should_refuse_bad_requests_with_the_field_at_fault() {
        assertThat(admin.post(PATH, "{\"texts\":[]}")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.get("field")).isEqualTo("texts");
        });
        assertThat(admin.post(PATH, "{\"texts\":[\"  \"]}").status()).isEqualTo(400);
        assertThat(admin.post(PATH, "{\"texts\":[\"" + "x".repeat(501) + "\"]}").status()).isEqualTo(400);
        assertThat(admin.post(PATH, "{\"texts\":[\"fine\"],\"source\":\"robot\"}").get("field")).isEqualTo("source");
        assertThat(admin.post(PATH, "{\"texts\":[\"fine\"],\"extra\":1}").status()).isEqualTo(400);
        assertThat(admin.delete(PATH + "/999999").status()).isEqualTo(404);
        assertThat(admin.get(PATH).list()).isEmpty();
    }

    @Test
    void should_refuse_anonymous_callers_and_agents() {
        AdminClient anonymous = new AdminClient(http.toBlocking(), json, tokens, null);
        AdminClient agent = new AdminClient(http.toBlocking(), json, tokens, "bob", "AGENT");

        assertThat(anonymous.get(PATH).status()).isEqualTo(401);
        assertThat(agent.get(PATH).status()).isEqualTo(403);
        assertThat(agent.post(PATH, "{\"texts\":[\"who won the cup final\"]}").status()).isEqualTo(403);
        assertThat(admin.get(PATH).list()).isEmpty();
    }
}
