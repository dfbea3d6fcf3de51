package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import touchpoint.chat.ChatService;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.testing.TranscriptScript;

/** Sampling 0 never fires, and the question list, its order and the company name come from configuration. */
@MicronautTest(transactional = false, environments = "survey-questions")
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.survey.sampling-after-resolved", value = "0")
@Property(name = "touchpoint.survey.sampling-after-hand-back", value = "0.0")
class SurveyConfigurationIT {

    @Inject
    SurveyConfig config;

    @Inject
    ChatService chat;

    @Inject
    Transcript transcript;

    @Inject
    SurveyFlow flow;

    @Test
    void should_bind_the_question_list_from_configuration() {
        assertThat(config.questionList()).extracting(SurveyConfig.Question::id).containsExactly("nps", "ces");
        assertThat(config.enabledQuestions()).extracting(SurveyConfig.Question::type).containsExactly(SurveyType.NPS);
        assertThat(config.wordingOf(config.questionList().get(0))).isEqualTo("Would you recommend Acme?");
    }

    @Test
    void should_never_survey_when_the_rule_samples_nobody() {
        TranscriptScript script = new TranscriptScript(transcript);
        for (int i = 0; i < 5; i++) {
            String id = chat.start("web", "en").id();
            script.agentResolves(id, "returns", "ann");
            script.handBack(id);
            assertThat(script.ofType(id, EventType.SURVEY_ASKED)).isEmpty();
        }
    }

    @Test
    void should_sample_about_the_configured_share_of_conversations_and_always_alike_for_one_conversation() {
        SurveyConfig half = new SurveyConfig(true, "Acme", null, 0.5, 0, 0, 0, 15, 24, 2, 3, 6, null, "/");
        int sampled = 0;
        for (int i = 0; i < 2000; i++) {
            String id = "conversation-" + i;
            boolean first = SurveyRule.RESOLVED.samples(id, half);
            assertThat(SurveyRule.RESOLVED.samples(id, half)).isEqualTo(first);
            sampled += first ? 1 : 0;
        }
        assertThat(sampled).isBetween(900, 1100);
    }
}
