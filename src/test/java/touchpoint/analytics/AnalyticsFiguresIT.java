package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.ManualClock;
import touchpoint.testing.Tokens;
import touchpoint.testing.TranscriptScript;

/**
 * Builds six conversations over two days through the real transcript (so the listeners fill the read tables)
 * and checks every figure against numbers worked out by hand:
 *
 * <pre>
 * day 1  A web  asks, bot answers (0 ms), thumbs up                             contained
 *        B web  asks, bot falls back (0 ms), hand-off sales, ann replies 150 s
 *               after the hand-off, resolves 240 s                              CES 7  CSAT 5 (e-mail in comment)  NPS 10
 *        C app  hand-off billing (frustration) first, asks (bot silent),
 *               bob replies 100 s after the hand-off, resolves at 300 s         CES 3  CSAT 2 (phone in comment)   NPS 3
 * day 2  D web  asks, falls back (0 ms), hand-off returns, ann answers with FAQ
 *               return-policy 90 s after the hand-off, resolves at 600 s        CES 5  CSAT 4                      NPS 9
 *        E app  opened, never wrote                                             not engaged
 *        F web  asks, bot answers (0 ms), thumbs down, next answer refund-timing contained
 * </pre>
 */
@MicronautTest(transactional = false, environments = "analytics-surveys")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.test.manual-clock", value = "true")
@Property(name = "touchpoint.survey.sampling-after-helpful", value = "0")
@Property(name = "touchpoint.survey.sampling-after-idle", value = "0")
@Property(name = "touchpoint.survey.sweep-interval", value = "1h")
class AnalyticsFiguresIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    @Inject
    ManualClock clock;

    @Inject
    JwtTokenGenerator jwt;

    @Inject
    PhrasingProposals proposals;

    CustomerClient customer;
    TranscriptScript script;
    Tokens tokens;
    String a;
    String b;
    String c;
    String d;
    String e;
    String f;

    @BeforeAll
    void buildConversations() {
        customer = new CustomerClient(http.toBlocking());
        script = new TranscriptScript(transcript);
        tokens = new Tokens(jwt);

        at("2026-03-02T09:00:00Z");
        Reply ra = start("web");
        a = ra.string("id");
        at("2026-03-02T09:00:10Z");
        customer.say(a, ra.string("token"), "a1", "How do I return a lamp?");
        rate(a, ra.string("token"), true);

        at("2026-03-02T10:00:00Z");
        Reply rb = start("web");
        b = rb.string("id");
        at("2026-03-02T10:00:20Z");
        customer.say(b, rb.string("token"), "b1", "Do you sell spaceships?");
        at("2026-03-02T10:00:30Z");
        script.handOff(b, "sales", "fallback");
        at("2026-03-02T10:02:30Z");
        script.agentJoins(b, "ann");
        at("2026-03-02T10:03:00Z");
        script.agentReplies(b, "ann", "We don't, sorry.", null);
        at("2026-03-02T10:04:20Z");
        script.resolve(b, "ann");
        at("2026-03-02T10:05:00Z");
        customer.say(b, rb.string("token"), "b2", "7");
        customer.say(b, rb.string("token"), "b3", "5 great help from ann@example.com");
        customer.say(b, rb.string("token"), "b4", "10");

        at("2026-03-02T11:00:00Z");
        Reply rc = start("app");
        c = rc.string("id");
        script.handOff(c, "billing", "frustration");
        at("2026-03-02T11:00:10Z");
        customer.say(c, rc.string("token"), "c1", "I was charged twice");
        at("2026-03-02T11:01:00Z");
        script.agentJoins(c, "bob");
        at("2026-03-02T11:01:40Z");
        script.agentReplies(c, "bob", "Let me check that.", null);
        at("2026-03-02T11:05:10Z");
        script.resolve(c, "bob");
        at("2026-03-02T11:06:00Z");
        customer.say(c, rc.string("token"), "c2", "3");
        customer.say(c, rc.string("token"), "c3", "2 took too long, call me on +44 7700 900123");
        customer.say(c, rc.string("token"), "c4", "3");

        at("2026-03-03T09:00:00Z");
        Reply rd = start("web");
        d = rd.string("id");
        at("2026-03-03T09:00:10Z");
        customer.say(d, rd.string("token"), "d1", "Where is my parcel?");
        at("2026-03-03T09:00:30Z");
        script.handOff(d, "returns", "fallback");
        at("2026-03-03T09:01:00Z");
        script.agentJoins(d, "ann");
        at("2026-03-03T09:02:00Z");
        script.agentReplies(d, "ann", "You can return items within 30 days.", "return-policy");
        at("2026-03-03T09:10:10Z");
        script.resolve(d, "ann");
        at("2026-03-03T09:11:00Z");
        customer.say(d, rd.string("token"), "d2", "5");
        customer.say(d, rd.string("token"), "d3", "4");
        customer.say(d, rd.string("token"), "d4", "9");

        at("2026-03-03T10:00:00Z");
        e = start("app").string("id");

        at("2026-03-03T12:00:00Z");
        Reply rf = start("web");
        f = rf.string("id");
        at("2026-03-03T12:00:05Z");
        customer.say(f, rf.string("token"), "f1", "How do I return a sofa?");
        rate(f, rf.string("token"), false);
    }

    @Test
    void should_have_stored_the_surveys_the_way_the_figures_assume() {
        assertThat(script.ofType(b, EventType.SURVEY_ANSWERED)).extracting(ev -> ((EventData.SurveyAnswered) ev.data()).score()).containsExactly(7, 5, 10);
        assertThat(script.ofType(c, EventType.SURVEY_ANSWERED)).extracting(ev -> ((EventData.SurveyAnswered) ev.data()).score()).containsExactly(3, 2, 3);
        assertThat(script.ofType(d, EventType.SURVEY_ANSWERED)).extracting(ev -> ((EventData.SurveyAnswered) ev.data()).score()).containsExactly(5, 4, 9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_compute_the_overall_figures_exactly() {
        Map<String, Object> summary = summary("from=2026-03-02&to=2026-03-03");

        assertThat(summary).containsEntry("from", "2026-03-02").containsEntry("to", "2026-03-03");
        Map<String, Object> o = (Map<String, Object>) summary.get("overall");
        assertThat(o).containsEntry("conversations", 6).containsEntry("engaged", 5).containsEntry("contained", 2)
                .containsEntry("escalated", 3).containsEntry("resolved", 3).containsEntry("resolvedByPerson", 3)
                .containsEntry("containment", 0.4).containsEntry("escalationRate", 0.6);
        // a person's first reply after the hand-off 90,100,150 -> median x2, p90 x3; the bot's replies take no time on
        // the manual clock; resolutions 240,300,600 -> median x2, p90 x3
        assertThat((Map<String, Object>) o.get("firstHumanResponseSeconds")).containsEntry("count", 3).containsEntry("median", 100.0)
                .containsEntry("p90", 150.0);
        assertThat((Map<String, Object>) o.get("botReplyMillis")).containsEntry("count", 4).containsEntry("median", 0.0).containsEntry("p90", 0.0);
        assertThat((Map<String, Object>) o.get("resolutionTime")).containsEntry("count", 3).containsEntry("median", 300.0).containsEntry("p90", 600.0);
        assertThat((Map<String, Object>) o.get("csat")).containsEntry("responses", 3).containsEntry("average", 3.67).containsEntry("share4to5", 0.6667);
        assertThat((Map<String, Object>) o.get("ces")).containsEntry("responses", 3).containsEntry("average", 5.0).containsEntry("share5to7", 0.6667);
        assertThat((Map<String, Object>) o.get("nps")).containsEntry("responses", 3).containsEntry("promoters", 2)
                .containsEntry("detractors", 1).containsEntry("score", 33.3);
    }

    @Test
    void should_break_the_figures_down_by_day_agent_team_touchpoint_and_faq() {
        Map<String, Object> summary = summary("from=2026-03-02&to=2026-03-03");

        Map<String, Map<String, Object>> byDay = groups(summary, "byDay");
        assertThat(byDay.keySet()).containsExactly("2026-03-02", "2026-03-03");
        assertThat(byDay.get("2026-03-02")).containsEntry("conversations", 3).containsEntry("engaged", 3).containsEntry("containment", 0.3333);
        assertThat(nested(byDay.get("2026-03-02"), "firstHumanResponseSeconds")).containsEntry("median", 100.0).containsEntry("p90", 150.0);
        assertThat(byDay.get("2026-03-03")).containsEntry("conversations", 3).containsEntry("engaged", 2).containsEntry("containment", 0.5);

        Map<String, Map<String, Object>> byAgent = groups(summary, "byAgent");
        assertThat(byAgent.keySet()).containsExactly("ann", "bob");
        assertThat(nested(byAgent.get("ann"), "resolutionTime")).containsEntry("median", 240.0).containsEntry("p90", 600.0);
        assertThat(nested(byAgent.get("ann"), "csat")).containsEntry("average", 4.5).containsEntry("share4to5", 1.0);
        assertThat(nested(byAgent.get("bob"), "nps")).containsEntry("score", -100.0);

        assertThat(groups(summary, "byTeam").keySet()).containsExactly("billing", "returns", "sales");
        Map<String, Map<String, Object>> byTouchpoint = groups(summary, "byTouchpoint");
        assertThat(byTouchpoint.get("web")).containsEntry("conversations", 4).containsEntry("engaged", 4).containsEntry("containment", 0.5);
        assertThat(byTouchpoint.get("app")).containsEntry("conversations", 2).containsEntry("engaged", 1).containsEntry("containment", 0.0);

        Map<String, Map<String, Object>> byFaq = groups(summary, "byFaq");
        assertThat(byFaq.keySet()).containsExactly("refund-timing", "return-policy");
        assertThat(byFaq.get("return-policy")).containsEntry("conversations", 2);
        assertThat(summary.get("answersByFaq")).isEqualTo(List.of(
                Map.of("faqId", "refund-timing", "answers", 1, "helpful", 0, "notHelpful", 0),
                Map.of("faqId", "return-policy", "answers", 2, "helpful", 1, "notHelpful", 1)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_filter_by_day() {
        Map<String, Object> day2 = summary("from=2026-03-03&to=2026-03-03");

        Map<String, Object> o = (Map<String, Object>) day2.get("overall");
        assertThat(o).containsEntry("conversations", 3).containsEntry("engaged", 2).containsEntry("escalated", 1);
        assertThat((Map<String, Object>) o.get("resolutionTime")).containsEntry("median", 600.0);
        assertThat(summary("from=2026-03-04&to=2026-03-05").get("overall").toString()).contains("conversations=0");
    }

    @Test
    void should_export_one_masked_csv_row_per_conversation() {
        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/analytics/export.csv?from=2026-03-02&to=2026-03-03").bearerAuth(tokens.admin()), String.class);

        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("touchpoint-2026-03-02-to-2026-03-03.csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("conversation_id,started_at,touchpoint,first_question,escalated,handoff_reason,resolved,"
                + "resolved_by_person,agent_id,team,last_faq_id,first_human_response_seconds,bot_reply_ms_mean,resolution_seconds,ces,csat,"
                + "csat_comment,nps,first_response_target_seconds,first_response_breached,channel_type,channel_id");
        assertThat(lines.get(1)).isEqualTo(a + ",2026-03-02T09:00:00Z,web,How do I return a lamp?,false,,false,false,,,return-policy,,0,,,,,,,,web,web");
        assertThat(lines.get(2)).isEqualTo(b + ",2026-03-02T10:00:00Z,web,Do you sell spaceships?,true,fallback,true,true,ann,sales,,150,0,240,7,5,"
                + "great help from [email],10,,,web,web");
        assertThat(lines.get(3)).isEqualTo(c + ",2026-03-02T11:00:00Z,app,I was charged twice,true,frustration,true,true,bob,billing,,100,,300,3,2,"
                + "\"took too long, call me on [phone]\",3,,,web,web");
        assertThat(lines.get(5)).isEqualTo(e + ",2026-03-03T10:00:00Z,app,,false,,false,false,,,,,,,,,,,,,web,web");
        assertThat(response.body()).doesNotContain("ann@example.com").doesNotContain("7700 900123");
    }

    @Test
    void should_refuse_anonymous_callers_with_401_and_agents_with_403() {
        assertThat(status(HttpRequest.GET("/api/analytics/summary"))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/api/analytics/export.csv"))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/api/analytics/summary").bearerAuth(tokens.agent()))).isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/analytics/knowledge-gaps").bearerAuth(tokens.agent()))).isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/admin/phrasing-proposals").bearerAuth(tokens.agent()))).isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/analytics/summary").bearerAuth(tokens.admin()))).isEqualTo(200);
    }

    @Test
    void should_refuse_bad_dates_naming_the_parameter() {
        Reply bad = new CustomerClient(http.toBlocking()).exchange(HttpRequest.GET("/api/analytics/summary?from=yesterday").bearerAuth(tokens.admin()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).containsEntry("field", "from");
        Reply reversed = new CustomerClient(http.toBlocking()).exchange(
                HttpRequest.GET("/api/analytics/summary?from=2026-03-05&to=2026-03-01").bearerAuth(tokens.admin()));
        assertThat(reversed.body()).containsEntry("field", "from");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_propose_the_question_an_agent_answered_with_an_faq_and_let_admins_approve_it() {
        List<Map<String, Object>> proposed = http.toBlocking().retrieve(
                HttpRequest.GET("/api/admin/phrasing-proposals?status=proposed").bearerAuth(tokens.admin()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> fromAgent = proposed.stream().filter(p -> d.equals(p.get("conversationId"))).findFirst().orElseThrow();
        assertThat(fromAgent).containsEntry("faqId", "return-policy").containsEntry("text", "Where is my parcel?")
                .containsEntry("source", "agent").containsEntry("status", "proposed");
        assertThat(proposed).noneMatch(p -> b.equals(p.get("conversationId")) || c.equals(p.get("conversationId")));

        Map<String, Object> approved = http.toBlocking().retrieve(HttpRequest.POST("/api/admin/phrasing-proposals/" + fromAgent.get("id") + "/approve", "")
                .bearerAuth(tokens.admin()), Argument.mapOf(String.class, Object.class));
        assertThat(approved).containsEntry("status", "approved").containsEntry("decidedBy", "admin@example.com");
        assertThat(proposals.approvedPhrasings()).contains(new Phrasing("return-policy", "Where is my parcel?"));
        assertThat(status(HttpRequest.POST("/api/admin/phrasing-proposals/99999/reject", "").bearerAuth(tokens.admin()))).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_record_one_recovery_task_for_the_frustrated_low_scoring_conversation() {
        List<Map<String, Object>> tasks = http.toBlocking().retrieve(HttpRequest.GET("/api/recovery/tasks").bearerAuth(tokens.agent()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0)).containsEntry("conversationId", c).containsEntry("agentId", "bob");
        assertThat((String) tasks.get(0).get("reason")).startsWith("frustrated hand-off; low CES 3; low CSAT 2").contains("; low NPS 3");
    }

    private Reply start(String touchpoint) {
        return customer.start("{\"touchpoint\":\"" + touchpoint + "\"}");
    }

    private void rate(String id, String token, boolean helpful) {
        String answerId = script.ofType(id, EventType.BOT_ANSWERED).get(0).id();
        Reply r = customer.exchange(HttpRequest.POST("/api/conversations/" + id + "/messages/" + answerId + "/feedback",
                "{\"helpful\":" + helpful + "}").contentType(MediaType.APPLICATION_JSON).bearerAuth(token));
        assertThat(r.status()).isEqualTo(201);
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private Map<String, Object> summary(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/summary?" + query).bearerAuth(tokens.admin()),
                Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> groups(Map<String, Object> summary, String key) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) summary.get(key)) {
            out.put((String) g.get("key"), (Map<String, Object>) g.get("figures"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> figures, String key) {
        return (Map<String, Object>) figures.get(key);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException ex) {
            return ex.getStatus().getCode();
        }
    }
}
