package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.EmbeddedInfra;
import touchpoint.testing.ManualClock;
import touchpoint.testing.Tokens;
import touchpoint.testing.TranscriptScript;

/**
 * The survey and analytics SQL (V20, V21 and the generated repository queries) on a real PostgreSQL, not only
 * H2's PostgreSQL mode: one conversation through survey, expiry, thumbs, projection, export, recovery and learning.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.test.manual-clock", value = "true")
@Property(name = "touchpoint.test.word-embedder", value = "true")
@Property(name = "touchpoint.survey.sampling-after-idle", value = "1.0")
@Property(name = "touchpoint.survey.sampling-after-helpful", value = "0")
@Property(name = "touchpoint.survey.sweep-interval", value = "1h")
class SurveyAnalyticsPostgresIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    @Inject
    ManualClock clock;

    @Inject
    SurveyTriggers triggers;

    @Inject
    JwtTokenGenerator jwt;

    @Override
    public Map<String, String> getProperties() {
        // PostgreSQL only: the in-process live bus is enough here, so no Redis.
        return EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl());
    }

    @Test
    void should_run_surveys_and_fill_the_analytics_tables_on_postgresql() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        TranscriptScript script = new TranscriptScript(transcript);
        Tokens tokens = new Tokens(jwt);
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));

        Reply c = customer.start("{\"touchpoint\":\"web\"}");
        String id = c.string("id");
        customer.say(id, c.string("token"), "m1", "Where is my parcel?");
        clock.advance(Duration.ofSeconds(30));
        script.handOff(id, "returns", "frustration");
        clock.advance(Duration.ofSeconds(60));
        script.agentJoins(id, "ann");
        script.agentReplies(id, "ann", "Returns take 30 days.", "return-policy");
        clock.advance(Duration.ofSeconds(60));
        script.resolve(id, "ann");
        customer.say(id, c.string("token"), "s1", "2");
        customer.say(id, c.string("token"), "s2", "1 slow, my card 4111 1111 1111 1111 was charged twice");

        Reply idle = customer.start("{\"touchpoint\":\"app\"}");
        customer.say(idle.string("id"), idle.string("token"), "m1", "How do I return a lamp?");
        triggers.sweep(clock.instant().plus(Duration.ofMinutes(16)));
        assertThat(script.last(idle.string("id")).type()).isEqualTo(EventType.SURVEY_ASKED);
        triggers.sweep(clock.instant().plus(Duration.ofHours(30)));
        assertThat(script.last(idle.string("id")).type()).isEqualTo(EventType.SURVEY_EXPIRED);

        Map<String, Object> summary = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/summary?from=2026-04-01&to=2026-04-01")
                .bearerAuth(tokens.admin()), Argument.mapOf(String.class, Object.class));
        assertThat(summary.get("overall").toString()).contains("conversations=2").contains("escalated=1")
                .contains("median=150.0").contains("share4to5=0.0");

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/export.csv?from=2026-04-01&to=2026-04-01")
                .bearerAuth(tokens.admin()));
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("\"slow, my card [card ****1111] was charged twice\"").doesNotContain("4111");

        List<Map<String, Object>> tasks = http.toBlocking().retrieve(HttpRequest.GET("/api/recovery/tasks").bearerAuth(tokens.agent()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t).containsEntry("conversationId", id)
                .containsEntry("reason", "frustrated hand-off; low CES 2; low CSAT 1: \"slow, my card [card ****1111] was charged twice\""));

        List<Map<String, Object>> proposals = http.toBlocking().retrieve(HttpRequest.GET("/api/admin/phrasing-proposals")
                .bearerAuth(tokens.admin()), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(proposals).singleElement().satisfies(p -> assertThat(p).containsEntry("faqId", "return-policy")
                .containsEntry("text", "Where is my parcel?"));

        List<Map<String, Object>> gaps = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/knowledge-gaps?from=2026-04-01&to=2026-04-02")
                .bearerAuth(tokens.admin()), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(gaps).extracting(g -> g.get("topic")).containsExactly("Where is my parcel?");
    }
}
