package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.chat.Transcript;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.Tokens;
import touchpoint.testing.TranscriptScript;

/** Knowledge gaps and feedback themes, clustered with a word-overlap embedder so the grouping is predictable. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.test.word-embedder", value = "true")
@Property(name = "touchpoint.analytics.gap-similarity", value = "0.7")
@Property(name = "touchpoint.analytics.theme-similarity", value = "0.5")
@Property(name = "touchpoint.survey.sampling-after-helpful", value = "0")
@Property(name = "touchpoint.survey.sampling-after-idle", value = "0")
class KnowledgeGapsIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    @Inject
    JwtTokenGenerator jwt;

    CustomerClient customer;
    TranscriptScript script;
    Tokens tokens;

    @BeforeAll
    void conversations() {
        customer = new CustomerClient(http.toBlocking());
        script = new TranscriptScript(transcript);
        tokens = new Tokens(jwt);
        // Three wordings of one missing topic, one other fallback, and one that fell back and was handed off.
        fallback("where is my parcel");
        fallback("where is my parcel now");
        fallback("where is my parcel, my email is jo@example.com");
        fallback("do you sell gift cards");
        String handedOff = fallback("do you sell gift cards in shops");
        script.handOff(handedOff, "sales", "fallback");
        // Survey comments for themes.
        comment("5 really quick and friendly help");
        comment("4 quick and friendly");
        comment("1 waited far too long for a person");
        comment("2 waited too long");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_cluster_gap_questions_into_topics_with_counts_examples_and_actions() {
        List<Map<String, Object>> topics = get("/api/analytics/knowledge-gaps");

        assertThat(topics).hasSize(2);
        Map<String, Object> parcel = topics.get(0);
        assertThat(parcel).containsEntry("count", 3).containsEntry("topic", "where is my parcel");
        assertThat((List<String>) parcel.get("examples")).containsExactly("where is my parcel", "where is my parcel now",
                "where is my parcel, my email is [email]");
        assertThat((Map<String, Object>) parcel.get("reasons")).containsEntry("fallback", 3);
        Map<String, Object> gifts = topics.get(1);
        assertThat(gifts).containsEntry("count", 2);
        assertThat((Map<String, Object>) gifts.get("reasons")).containsEntry("fallback", 2).containsEntry("handoff", 1);
        Map<String, Object> add = (Map<String, Object>) parcel.get("addPhrasings");
        assertThat(add).containsEntry("method", "POST").containsEntry("href", "/api/analytics/knowledge-gaps/" + parcel.get("id") + "/phrasings");
        assertThat(((Map<String, Object>) parcel.get("createFaq")).get("link").toString())
                .startsWith("/admin/faqs.html?draftTitle=where+is+my+parcel&q=where+is+my+parcel&q=where+is+my+parcel+now&q=");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_record_a_topics_phrasings_as_proposals_for_the_chosen_faq() {
        Map<String, Object> parcel = get("/api/analytics/knowledge-gaps").get(0);

        List<Map<String, Object>> created = http.toBlocking().retrieve(HttpRequest.POST("/api/analytics/knowledge-gaps/" + parcel.get("id") + "/phrasings",
                "{\"faqId\":\"delivery-tracking\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.admin()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<Map<String, Object>> again = http.toBlocking().retrieve(HttpRequest.POST("/api/analytics/knowledge-gaps/" + parcel.get("id") + "/phrasings",
                "{\"faqId\":\"delivery-tracking\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.admin()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Reply unknown = customer.exchange(HttpRequest.POST("/api/analytics/knowledge-gaps/000000000000/phrasings",
                "{\"faqId\":\"delivery-tracking\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.admin()));
        Reply noFaq = customer.exchange(HttpRequest.POST("/api/analytics/knowledge-gaps/" + parcel.get("id") + "/phrasings",
                "{}").contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.admin()));

        assertThat(created).hasSize(3);
        List<Map<String, Object>> proposals = get("/api/admin/phrasing-proposals?status=proposed");
        assertThat(proposals).filteredOn(p -> "delivery-tracking".equals(p.get("faqId"))).extracting(p -> p.get("text"))
                .containsExactly("where is my parcel", "where is my parcel now", "where is my parcel, my email is [email]");
        assertThat(proposals).filteredOn(p -> "delivery-tracking".equals(p.get("faqId"))).allMatch(p -> "gap".equals(p.get("source")));
        assertThat(again).isEmpty();
        assertThat(get("/api/admin/phrasing-proposals").stream().filter(p -> "delivery-tracking".equals(p.get("faqId"))).count()).isEqualTo(3);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noFaq.status()).isEqualTo(400);
        assertThat(noFaq.body()).containsEntry("field", "faqId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_group_survey_comments_into_themes_with_sentiment() {
        List<Map<String, Object>> themes = get("/api/analytics/feedback-themes");

        assertThat(themes).hasSize(2);
        Map<String, Object> quick = themes.stream().filter(t -> t.get("theme").toString().contains("quick")).findFirst().orElseThrow();
        Map<String, Object> slow = themes.stream().filter(t -> t.get("theme").toString().contains("waited")).findFirst().orElseThrow();
        assertThat(quick).containsEntry("count", 2).containsEntry("sentimentLabel", "positive").containsEntry("sentiment", 1.0);
        assertThat((Map<String, Object>) quick.get("averageScores")).containsEntry("CSAT", 4.5);
        assertThat(slow).containsEntry("count", 2).containsEntry("sentimentLabel", "negative");
        assertThat((Map<String, Object>) slow.get("averageScores")).containsEntry("CSAT", 1.5);
    }

    private String fallback(String question) {
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", question);
        return c.string("id");
    }

    /** A conversation resolved by an agent whose customer skips CES and gives CSAT with a comment. */
    private void comment(String csat) {
        Reply c = customer.start(null);
        script.agentResolves(c.string("id"), "returns", "ann");
        customer.exchange(HttpRequest.POST("/api/conversations/" + c.string("id") + "/survey-answers", "{\"questionId\":\"ces\",\"score\":6}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(c.string("token")));
        customer.say(c.string("id"), c.string("token"), "s2", csat);
    }

    private List<Map<String, Object>> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.admin()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
}
