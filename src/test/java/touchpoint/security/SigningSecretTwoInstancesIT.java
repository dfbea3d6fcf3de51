package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.testing.EmbeddedInfra;
import touchpoint.testing.Tokens;

/** Instances on one database share the signing secret they generated, and it survives a restart of them all. */
class SigningSecretTwoInstancesIT {

    @Test
    void should_accept_each_others_tokens_when_started_together_on_one_database() throws Exception {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.port", "-1");
        String fromA;
        String fromB;
        // Started at once, so both may find the table empty and race to insert: the first value must win for both.
        var startB = java.util.concurrent.CompletableFuture.supplyAsync(() -> ApplicationContext.run(EmbeddedServer.class, props, "test"));
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, props, "test"); EmbeddedServer b = startB.get()) {
            fromA = new Tokens(a.getApplicationContext().getBean(JwtTokenGenerator.class)).admin();
            fromB = new Tokens(b.getApplicationContext().getBean(JwtTokenGenerator.class)).admin();

            assertThat(status(b, fromA)).isEqualTo(200);
            assertThat(status(a, fromB)).isEqualTo(200);
        }

        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            assertThat(List.of(status(restarted, fromA), status(restarted, fromB))).containsOnly(200);
        }
    }

    private static int status(EmbeddedServer server, String token) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            return client.toBlocking().exchange(HttpRequest.GET("/api/admin/users").bearerAuth(token), String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
