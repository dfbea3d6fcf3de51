package touchpoint.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Conflict;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.survey.ChannelSurveys;

/**
 * Thumbs and survey answers from a channel's buttons or links, with no customer token: recorded by the survey feature's
 * own code, with the same checks as the widget's, and saying how they came.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.survey.sampling-after-helpful", value = "1.0")
@Property(name = "touchpoint.channels.delivery-enabled", value = "false")
@Property(name = "touchpoint.webhooks.allow-private-networks", value = "true")
class ChannelFeedbackIT {

    @Inject
    ChannelDirectory channels;

    @Inject
    ChannelInbox inbox;

    @Inject
    Transcript transcript;

    @Test
    void should_record_a_thumbs_up_and_a_pressed_survey_score_with_the_widgets_checks() {
        String channelId = channels.create("api", "Feedback", true,
                Map.of("webhookUrl", JsonNode.createStringNode("http://127.0.0.1:9/hooks"))).channel().id();
        ChannelInbox.Received received = inbox.receive(new ChannelInbox.Inbound(channelId, "thread-1", "m-1",
                "How do I return a lamp?", null, null));
        TranscriptEvent answer = received.replies().stream().filter(e -> e.is(EventType.BOT_ANSWERED)).findFirst().orElseThrow();

        List<TranscriptEvent> afterRating = inbox.rate(channelId, "thread-1", answer.id(), true);

        assertThat(afterRating.get(0).data(EventData.AnswerRated.class).orElseThrow().helpful()).isTrue();
        assertThatThrownBy(() -> inbox.rate(channelId, "thread-1", answer.id(), false)).isInstanceOf(Conflict.class);
        // The survey after a helpful answer is asked by a listener of the rating, maybe on another thread.
        TranscriptEvent asked = await().atMost(Duration.ofSeconds(10)).until(() -> transcript.events(received.thread().conversationId())
                .stream().filter(e -> e.is(EventType.SURVEY_ASKED)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        String questionId = asked.data(EventData.SurveyAsked.class).orElseThrow().questionId();

        assertThatThrownBy(() -> inbox.answerSurvey(channelId, "thread-1", questionId, 99, ChannelSurveys.VIA_BUTTON))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> inbox.answerSurvey(channelId, "thread-1", "no-such-question", 3, ChannelSurveys.VIA_BUTTON))
                .isInstanceOf(InvalidRequest.class);
        List<TranscriptEvent> afterAnswer = inbox.answerSurvey(channelId, "thread-1", questionId, 3, ChannelSurveys.VIA_BUTTON);

        EventData.SurveyAnswered answered = afterAnswer.get(0).data(EventData.SurveyAnswered.class).orElseThrow();
        assertThat(answered.questionId()).isEqualTo(questionId);
        assertThat(answered.score()).isEqualTo(3);
        assertThat(answered.via()).isEqualTo("button");
        assertThat(afterAnswer).hasSizeGreaterThan(1);
        assertThatThrownBy(() -> inbox.answerSurvey(channelId, "thread-1", questionId, 4, ChannelSurveys.VIA_LINK))
                .isInstanceOf(Conflict.class);
        assertThat(transcript.events(received.thread().conversationId()).stream()
                .filter(e -> e.is(EventType.CUSTOMER_ASKED))).hasSize(1);
    }

    @Test
    void should_refuse_feedback_for_a_thread_that_was_never_opened() {
        String channelId = channels.create("api", "No thread", true,
                Map.of("webhookUrl", JsonNode.createStringNode("http://127.0.0.1:9/hooks"))).channel().id();

        assertThatThrownBy(() -> inbox.rate(channelId, "nobody", "msg", true)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inbox.answerSurvey(channelId, "nobody", "q", 3, ChannelSurveys.VIA_LINK)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inbox.rate("no-such-channel", "nobody", "msg", true)).isInstanceOf(ChannelNotFound.class);
    }
}
