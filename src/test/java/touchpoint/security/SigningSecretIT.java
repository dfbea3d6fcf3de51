package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import touchpoint.testing.ForgedTokens;
import touchpoint.testing.Tokens;

/**
 * With TOUCHPOINT_JWT_SECRET unset the service signs with a secret of its own, so no string anyone can read — a
 * former default, a placeholder in the compose file, any word in the configuration or the docs — signs a token
 * it accepts.
 */
@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.ratelimit.enabled", value = "false")
class SigningSecretIT {

    /** What application.yml and docker-compose.yml used to sign with when the variable was unset. */
    static final List<String> FORMER_DEFAULTS = List.of(
            "change-me-embedded-default-secret-at-least-256-bits-long",
            "replace-with-a-long-random-secret-of-at-least-32-bytes");

    private static final List<String> STAFF_ENDPOINTS = List.of("/api/admin/users", "/api/analytics/summary");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_\\-+/=.:$@!#%*]{6,}");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JwtTokenGenerator generator;

    @Test
    void should_refuse_token_signed_with_the_former_default_secret() {
        for (String secret : FORMER_DEFAULTS) {
            for (String endpoint : STAFF_ENDPOINTS) {
                assertThat(status(endpoint, ForgedTokens.admin(secret))).as("%s signed with %s", endpoint, secret).isEqualTo(401);
            }
        }
    }

    @Test
    void should_refuse_tokens_signed_with_any_string_written_in_the_configuration() throws IOException {
        Set<String> candidates = wordsOfConfigurationAndDocs();
        List<String> accepted = new ArrayList<>();

        for (String candidate : candidates) {
            if (status(STAFF_ENDPOINTS.get(0), ForgedTokens.admin(candidate)) != 401) {
                accepted.add(candidate);
            }
        }

        assertThat(candidates).hasSizeGreaterThan(100).containsAll(FORMER_DEFAULTS);
        assertThat(accepted).isEmpty();
    }

    @Test
    void should_refuse_an_unsigned_token() {
        for (String endpoint : STAFF_ENDPOINTS) {
            assertThat(status(endpoint, ForgedTokens.unsignedAdmin())).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    void should_accept_tokens_of_its_own_signer() {
        String token = new Tokens(generator).admin();

        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]))).contains("\"alg\":\"HS256\"");
        for (String endpoint : STAFF_ENDPOINTS) {
            assertThat(status(endpoint, token)).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_to_start_with_a_placeholder_secret() {
        for (String secret : List.of(FORMER_DEFAULTS.get(0), FORMER_DEFAULTS.get(1), "too-short-secret")) {
            assertThatThrownBy(() -> start(Map.of("touchpoint.jwt.secret", secret)).close())
                    .as(secret)
                    .hasStackTraceContaining("TOUCHPOINT_JWT_SECRET");
        }
    }

    @Test
    void should_sign_with_the_configured_secret_when_one_is_set() {
        byte[] random = new byte[48];
        new java.security.SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);

        try (ApplicationContext context = start(Map.of("touchpoint.jwt.secret", secret))) {
            HttpClient client = context.createBean(HttpClient.class, context.getBean(EmbeddedServer.class).getURL());
            var request = HttpRequest.GET(STAFF_ENDPOINTS.get(0)).bearerAuth(ForgedTokens.admin(secret));

            assertThat(client.toBlocking().exchange(request, String.class).getStatus().getCode()).isEqualTo(200);
        }
    }

    private static ApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.port", "-1");
        return ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
    }

    /** Every word of six characters or more in the files someone deploying the service reads. */
    private static Set<String> wordsOfConfigurationAndDocs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("docker-compose.yml"), Path.of("Dockerfile"), Path.of("README.md")));
        for (String dir : List.of("src/main/resources", "src/test/resources", "docs", ".ci")) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().matches(".*\\.(ya?ml|properties|md|sql|sh)$") || p.getFileName().toString().equals("run"))
                        .filter(p -> !p.toString().contains("knowledge")).forEach(files::add);
            }
        }
        Set<String> words = new TreeSet<>(FORMER_DEFAULTS);
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                Matcher m = WORD.matcher(Files.readString(file));
                while (m.find()) {
                    words.add(m.group());
                    // ${VAR:default} — the default alone is what a missing variable would have signed with
                    int colon = m.group().lastIndexOf(':');
                    if (colon >= 0 && colon < m.group().length() - 1) {
                        words.add(m.group().substring(colon + 1));
                    }
                }
            }
        }
        return words;
    }

    private int status(String path, String token) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
