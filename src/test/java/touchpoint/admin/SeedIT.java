package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import org.junit.jupiter.api.Test;
import touchpoint.admin.AdminClient.Reply;

/** An empty database is seeded from faq-content as the live knowledge base, and the engine serves it. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.fake-knowledge", value = "true")
@Property(name = "touchpoint.admin.seed-on-start", value = "true")
class SeedIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    FakeKnowledge engine;

    @Test
    void should_seed_every_content_file_as_published_and_serve_them() {
        int files = new File("faq-content").list((dir, name) -> name.endsWith(".md")).length;
        AdminClient admin = new AdminClient(http.toBlocking(), json, tokens, "alice", "ADMIN");

        Reply list = admin.get("/api/admin/faqs?status=published");

        assertThat(files).isGreaterThan(0);
        assertThat(list.list("items")).hasSize(files);
        assertThat(engine.calls).first().isEqualTo("load:" + files);
        assertThat(engine.served("cancel-an-order")).isPresent();
        assertThat(admin.get("/api/admin/audit?target=knowledge:server").list("entries").get(0))
                .containsEntry("actor", "system").containsEntry("action", "knowledge.imported");
        // The editor page posts without a body or content type.
        Reply again = admin.exchange(HttpRequest.POST("/api/admin/knowledge/import?source=server", null));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.map()).containsEntry("unchanged", files).containsEntry("failed", 0);
    }
}
