package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Option;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.Tokens;
import touchpoint.testing.TranscriptScript;

@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.survey.sampling-after-helpful", value = "1.0")
@Property(name = "touchpoint.survey.sampling-after-idle", value = "1.0")
@Property(name = "touchpoint.survey.sampling-after-hand-back", value = "1.0")
@Property(name = "touchpoint.survey.sweep-interval", value = "1h")
class SurveyRulesIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    @Inject
    SurveyTriggers triggers;

    @Inject
    SurveyTimerRepository timerRows;

    @Inject
    JwtTokenGenerator jwt;

    CustomerClient customer;
    TranscriptScript script;
    String id;
    String token;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
        script = new TranscriptScript(transcript);
        Reply c = customer.start(null);
        id = c.string("id");
        token = c.string("token");
        customer.say(id, token, "q1", "How do I return a lamp?");
    }

    @Test
    void should_ask_ces_with_the_company_wording_and_a_1_to_7_scale_after_an_agent_resolves() {
        script.agentResolves(id, "returns", "ann");

        TranscriptEvent asked = script.last(id);
        assertThat(asked.type()).isEqualTo(EventType.SURVEY_ASKED);
        assertThat(asked.survey().questionId()).isEqualTo("ces");
        assertThat(asked.survey().type()).isEqualTo("CES");
        assertThat(asked.survey().min()).isEqualTo(1);
        assertThat(asked.survey().max()).isEqualTo(7);
        assertThat(asked.text()).startsWith("Hearth & Pine made it easy for me to handle my issue");
        assertThat(asked.options()).extracting(Option::value).containsExactly("1", "2", "3", "4", "5", "6", "7", "Skip");
        assertThat(asked.data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::rule)).contains("resolved");
        assertThat(transcript.state(id).pendingSurveyQuestion()).contains("ces");
    }

    @Test
    void should_take_typed_numbers_as_answers_then_ask_csat_then_thank_the_customer() {
        script.agentResolves(id, "returns", "ann");

        Reply ces = customer.say(id, token, "s1", "6");
        List<Map<String, Object>> replies = ces.list("replies");
        assertThat(replies).extracting(m -> m.get("type")).containsExactly("SURVEY_ANSWERED", "SURVEY_ASKED");
        assertThat(data(replies.get(0))).containsEntry("questionId", "ces").containsEntry("type", "CES").containsEntry("score", 6)
                .containsEntry("agentId", "ann").containsEntry("lastFaqId", "return-policy").containsEntry("touchpoint", "web")
                .doesNotContainKey("comment");
        assertThat(replies.get(1).get("survey").toString()).contains("csat");

        Reply csat = customer.say(id, token, "s2", "4 - quick and friendly");
        replies = csat.list("replies");
        assertThat(replies).extracting(m -> m.get("type")).containsExactly("SURVEY_ANSWERED", "SYSTEM_NOTICE");
        assertThat(data(replies.get(0))).containsEntry("questionId", "csat").containsEntry("score", 4)
                .containsEntry("comment", "quick and friendly");
        assertThat(transcript.state(id).pendingSurveyQuestion()).isEmpty();
    }

    @Test
    void should_never_survey_twice_in_one_conversation() {
        script.agentResolves(id, "returns", "ann");
        customer.say(id, token, "s1", "6");
        customer.say(id, token, "s2", "5");

        customer.say(id, token, "q2", "How do I return a sofa?");
        script.agentResolves(id, "returns", "bob");

        assertThat(script.ofType(id, EventType.SURVEY_ASKED)).hasSize(2);
        assertThat(script.last(id).type()).isEqualTo(EventType.CONVERSATION_RESOLVED);
    }

    @Test
    void should_close_the_survey_when_the_customer_skips() {
        script.agentResolves(id, "returns", "ann");

        Reply skipped = customer.say(id, token, "s1", "Skip");

        assertThat(skipped.list("replies")).extracting(m -> m.get("type")).containsExactly("SURVEY_SKIPPED");
        assertThat(data(skipped.list("replies").get(0))).containsEntry("questionId", "ces").containsEntry("reason", "skip");
        assertThat(script.ofType(id, EventType.SURVEY_ASKED)).hasSize(1);
        assertThat(transcript.state(id).pendingSurveyQuestion()).isEmpty();
    }

    @Test
    void should_re_ask_for_a_number_out_of_range_and_keep_the_question_open() {
        script.agentResolves(id, "returns", "ann");

        Reply wrong = customer.say(id, token, "s1", "9");

        assertThat(wrong.list("replies")).extracting(m -> m.get("type")).containsExactly("SYSTEM_NOTICE");
        assertThat((String) wrong.list("replies").get(0).get("text")).contains("from 1 to 7");
        assertThat(transcript.state(id).pendingSurveyQuestion()).contains("ces");
    }

    @Test
    void should_re_ask_for_a_decimal_and_pass_a_long_number_such_as_an_order_number_to_the_bot() {
        script.agentResolves(id, "returns", "ann");

        Reply decimal = customer.say(id, token, "s1", "4.5");
        Reply order = customer.say(id, token, "s2", "1234567");

        assertThat(decimal.list("replies")).extracting(m -> m.get("type")).containsExactly("SYSTEM_NOTICE");
        assertThat(order.list("replies")).extracting(m -> m.get("type")).containsExactly("SURVEY_SKIPPED", "BOT_FELL_BACK");
    }

    @Test
    void should_let_the_bot_answer_when_the_customer_moves_on_instead_of_answering() {
        script.agentResolves(id, "returns", "ann");

        Reply moved = customer.say(id, token, "s1", "How do I return a chair?");

        assertThat(moved.list("replies")).extracting(m -> m.get("type")).containsExactly("SURVEY_SKIPPED", "BOT_ANSWERED");
        assertThat(data(moved.list("replies").get(0))).containsEntry("reason", "moved_on");
    }

    @Test
    void should_close_an_open_question_when_the_conversation_is_handed_to_a_person() {
        script.agentResolves(id, "returns", "ann");

        script.handOff(id, "returns", "customer_request");

        TranscriptEvent closed = script.last(id);
        assertThat(closed.type()).isEqualTo(EventType.SURVEY_SKIPPED);
        assertThat(closed.data(EventData.SurveySkipped.class).map(EventData.SurveySkipped::reason)).contains("handoff");
        assertThat(transcript.state(id).pendingSurveyQuestion()).isEmpty();
    }

    @Test
    void should_expire_an_unanswered_question_after_the_configured_hours() {
        script.agentResolves(id, "returns", "ann");

        triggers.sweep(Instant.now().plus(Duration.ofHours(23)));
        assertThat(script.last(id).type()).isEqualTo(EventType.SURVEY_ASKED);
        triggers.sweep(Instant.now().plus(Duration.ofHours(25)));

        TranscriptEvent expired = script.last(id);
        assertThat(expired.type()).isEqualTo(EventType.SURVEY_EXPIRED);
        assertThat(expired.data(EventData.SurveyExpired.class).map(EventData.SurveyExpired::questionId)).contains("ces");
        Reply later = customer.say(id, token, "s1", "5");
        assertThat(later.list("replies")).extracting(m -> m.get("type")).doesNotContain("SURVEY_ANSWERED");
    }

    @Test
    void should_survey_a_conversation_that_goes_idle_right_after_a_bot_answer() {
        triggers.sweep(Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(script.ofType(id, EventType.SURVEY_ASKED)).isEmpty();

        triggers.sweep(Instant.now().plus(Duration.ofMinutes(16)));

        TranscriptEvent asked = script.last(id);
        assertThat(asked.type()).isEqualTo(EventType.SURVEY_ASKED);
        assertThat(asked.data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::rule)).contains("idle");
    }

    @Test
    void should_keep_one_idle_timer_at_the_latest_bot_answer() {
        customer.say(id, token, "q2", "How do I return a lamp?");

        TranscriptEvent last = script.last(id);
        assertThat(last.type()).isEqualTo(EventType.BOT_ANSWERED);
        assertThat(timerRows.findByConversationIdAndKind(id, SurveyTimerRow.IDLE)).map(SurveyTimerRow::refSeq).contains(last.seq());
    }

    @Test
    void should_clear_the_idle_timer_when_the_customer_writes_after_the_answer() {
        customer.say(id, token, "q2", "Do you sell spaceships?");

        assertThat(timerRows.findByConversationIdAndKind(id, SurveyTimerRow.IDLE)).isEmpty();
    }

    @Test
    void should_not_count_a_conversation_as_idle_when_the_customer_wrote_after_the_answer() {
        customer.say(id, token, "q2", "Do you sell spaceships?");

        triggers.sweep(Instant.now().plus(Duration.ofMinutes(16)));

        assertThat(script.ofType(id, EventType.SURVEY_ASKED)).isEmpty();
    }

    @Test
    void should_survey_after_a_thumbs_up() {
        String answerId = script.ofType(id, EventType.BOT_ANSWERED).get(0).id();

        Reply rated = customer.exchange(HttpRequest.POST("/api/conversations/" + id + "/messages/" + answerId + "/feedback",
                "{\"helpful\":true}").contentType(MediaType.APPLICATION_JSON).bearerAuth(token));

        assertThat(rated.status()).isEqualTo(201);
        assertThat(script.last(id).type()).isEqualTo(EventType.SURVEY_ASKED);
        assertThat(script.last(id).data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::rule)).contains("helpful_answer");
    }

    @Test
    void should_survey_after_a_hand_back_to_the_bot() {
        script.handOff(id, "returns", "customer_request");
        script.agentJoins(id, "ann");
        script.handBack(id);

        assertThat(script.last(id).type()).isEqualTo(EventType.SURVEY_ASKED);
        assertThat(script.last(id).data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::rule)).contains("hand_back");
    }

    @Test
    void should_accept_an_answer_through_the_api_and_refuse_a_second_one_with_409() {
        script.agentResolves(id, "returns", "ann");

        Reply first = answer(token, "{\"questionId\":\"ces\",\"score\":7}");
        Reply second = answer(token, "{\"questionId\":\"ces\",\"score\":5}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.map("accepted")).containsEntry("type", "SURVEY_ANSWERED");
        assertThat(first.list("replies")).extracting(m -> m.get("type")).containsExactly("SURVEY_ASKED");
        assertThat(second.status()).isEqualTo(409);
        assertThat(script.ofType(id, EventType.SURVEY_ANSWERED)).hasSize(1);
    }

    @Test
    void should_refuse_invalid_scores_with_a_400_naming_score() {
        script.agentResolves(id, "returns", "ann");

        for (String body : List.of("{\"questionId\":\"ces\",\"score\":8}", "{\"questionId\":\"ces\",\"score\":0}",
                "{\"questionId\":\"ces\",\"score\":4.5}", "{\"questionId\":\"ces\",\"score\":\"5\"}", "{\"questionId\":\"ces\"}")) {
            Reply r = answer(token, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).containsEntry("field", "score");
        }
        assertThat(answer(token, "{\"questionId\":\"csat\",\"score\":5}").body()).containsEntry("field", "questionId");
        assertThat(script.ofType(id, EventType.SURVEY_ANSWERED)).isEmpty();
    }

    @Test
    void should_answer_404_for_a_wrong_token_and_401_without_one() {
        script.agentResolves(id, "returns", "ann");

        assertThat(answer("not-the-token", "{\"questionId\":\"ces\",\"score\":5}").status()).isEqualTo(404);
        assertThat(customer.exchange(HttpRequest.POST("/api/conversations/" + id + "/survey-answers", "{\"questionId\":\"ces\",\"score\":5}")
                .contentType(MediaType.APPLICATION_JSON)).status()).isEqualTo(401);
    }

    @Test
    void should_open_a_recovery_task_for_a_low_csat_visible_to_agents() {
        script.agentResolves(id, "returns", "ann");
        customer.say(id, token, "s1", "6");
        customer.say(id, token, "s2", "1 nobody listened");

        Tokens tokens = new Tokens(jwt);
        List<Map<String, Object>> tasks = list(tokens.agent());
        Map<String, Object> task = tasks.stream().filter(t -> id.equals(t.get("conversationId"))).findFirst().orElseThrow();
        assertThat(task).containsEntry("status", "open").containsEntry("agentId", "ann")
                .containsEntry("link", "/agent/#conversation=" + id);
        assertThat((String) task.get("reason")).isEqualTo("low CSAT 1: \"nobody listened\"");

        Reply updated = customer.exchange(HttpRequest.PUT("/api/recovery/tasks/" + task.get("id"), "{\"status\":\"in_progress\",\"assignee\":\"lead-lu\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.admin()));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body()).containsEntry("status", "in_progress").containsEntry("assignee", "lead-lu");
        Reply bad = customer.exchange(HttpRequest.PUT("/api/recovery/tasks/" + task.get("id"), "{\"status\":\"closed\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.admin()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).containsEntry("field", "status");
        Reply missing = customer.exchange(HttpRequest.PUT("/api/recovery/tasks/999999", "{\"status\":\"done\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(tokens.agent()));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(list(tokens.agent(), "?status=in_progress")).extracting(t -> t.get("conversationId")).contains(id);
        assertThat(list(tokens.agent(), "?status=open")).extracting(t -> t.get("conversationId")).doesNotContain(id);
    }

    @Test
    void should_open_a_recovery_task_for_a_frustrated_hand_off_and_not_for_a_good_score() {
        script.handOff(id, "returns", "frustration");
        Reply c = customer.start(null);
        script.agentResolves(c.string("id"), "returns", "ann");
        customer.say(c.string("id"), c.string("token"), "s1", "7");

        Tokens tokens = new Tokens(jwt);
        List<Map<String, Object>> tasks = list(tokens.admin());
        assertThat(tasks).filteredOn(t -> id.equals(t.get("conversationId"))).extracting(t -> t.get("reason"))
                .containsExactly("frustrated hand-off");
        assertThat(tasks).noneMatch(t -> c.string("id").equals(t.get("conversationId")));
        Reply anonymous = customer.exchange(HttpRequest.GET("/api/recovery/tasks"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String bearer) {
        return list(bearer, "");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String bearer, String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/recovery/tasks" + query).bearerAuth(bearer),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    private Reply answer(String bearer, String body) {
        return customer.exchange(HttpRequest.POST("/api/conversations/" + id + "/survey-answers", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(bearer));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> message) {
        return (Map<String, Object>) message.get("data");
    }
}
