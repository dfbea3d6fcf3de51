package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static touchpoint.admin.AdminClient.faqJson;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.admin.AdminClient.Reply;

/** A client sends back the FAQ document it read, read-only fields and all, with only its edit changed. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.fake-knowledge", value = "true")
@Property(name = "touchpoint.admin.seed-on-start", value = "false")
class FaqRoundTripIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    AdminClient admin;

    @BeforeEach
    void setUp() {
        admin = new AdminClient(http.toBlocking(), json, tokens, "alice", "ADMIN");
    }

    @Test
    void should_save_the_whole_document_as_read_with_a_changed_body() throws IOException {
        String id = "round-trip-" + System.nanoTime();
        assertThat(admin.post("/api/admin/faqs", faqJson(id, "Round trip?", "round trip question", "First body.")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/admin/faqs/" + id + "/publish", null).status()).isEqualTo(200);
        Map<String, Object> read = new LinkedHashMap<>(admin.get("/api/admin/faqs/" + id).map());
        assertThat(read).containsKeys("status", "publishedRevision", "deleted", "updatedAt", "updatedBy");

        read.put("body", "Second body.");
        Reply saved = admin.put("/api/admin/faqs/" + id, json.writeValueAsString(read));

        assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);
        assertThat(saved.get("body")).isEqualTo("Second body.");
        assertThat(((Number) saved.get("revision")).longValue()).isEqualTo(((Number) read.get("revision")).longValue() + 1);
        assertThat(saved.get("status")).as("a new revision is a draft whatever status was sent").isNotEqualTo(read.get("status"));
    }

    @Test
    void should_refuse_read_only_fields_that_say_something_the_faq_is_not() throws IOException {
        String id = "round-trip-draft-" + System.nanoTime();
        admin.post("/api/admin/faqs", faqJson(id, "Published by saving?", "contradiction question", "Body."));
        Map<String, Object> read = new LinkedHashMap<>(admin.get("/api/admin/faqs/" + id).map());
        assertThat(read.get("status")).isEqualTo("draft");

        Map<String, Object> publishing = new LinkedHashMap<>(read);
        publishing.put("status", "published");
        Reply notPublished = admin.put("/api/admin/faqs/" + id, json.writeValueAsString(publishing));
        Map<String, Object> deleting = new LinkedHashMap<>(read);
        deleting.put("deleted", true);
        Reply notDeleted = admin.put("/api/admin/faqs/" + id, json.writeValueAsString(deleting));

        assertThat(notPublished.status()).isEqualTo(400);
        assertThat(notPublished.get("field")).isEqualTo("status");
        assertThat(notDeleted.status()).isEqualTo(400);
        assertThat(notDeleted.get("field")).isEqualTo("deleted");
    }
}
