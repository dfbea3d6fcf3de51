package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import touchpoint.chat.Transcript;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * When a conversation reaches the analytics tables: shortly after it is written, off the customer's request, and
 * again by the reconciler when its rows fall behind its log (a projection lost with a stopped instance). Dashboard
 * reads seeing their own instance's writes at once is covered by every figure test, which reads right after writing.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.analytics.projection-delay", value = "300ms")
class AnalyticsProjectionIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalyticsProjector projector;

    @Inject
    Repositories.Facts facts;

    @Inject
    Repositories.Answers answers;

    @Inject
    Repositories.GapQuestions gaps;

    @Inject
    Transcript transcript;

    @Test
    void should_project_a_written_conversation_shortly_after_without_anyone_reading() {
        String id = conversationWithAQuestion();

        await().atMost(Duration.ofSeconds(10)).until(() -> facts.findById(id)
                .map(f -> f.customerMessages() == 1).orElse(false));
    }

    @Test
    void should_let_the_reconciler_project_a_conversation_again_when_its_rows_are_behind_its_log() {
        String id = conversationWithAQuestion();
        projector.flush();
        facts.deleteById(id);
        assertThat(facts.existsById(id)).isFalse();

        projector.reconcile();

        assertThat(facts.findById(id)).hasValueSatisfying(f -> assertThat(f.customerMessages()).isEqualTo(1));
    }

    @Test
    void should_store_the_same_rows_as_a_fresh_projection_when_a_conversation_is_projected_after_every_message() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        String id = started.string("id");
        for (String text : List.of("How do I return a lamp?", "Do you sell spaceships?", "How do I return a lamp?", "What about the moon?")) {
            customer.say(id, started.string("token"), "m-" + text.hashCode() + "-" + text.length(), text);
            projector.flush();
        }

        ConversationProjection fresh = ConversationProjection.of(transcript.conversation(id).orElseThrow(), transcript.events(id));
        assertThat(stored(answers.findAll(), id, AnswerRow::conversationId, r -> new AnswerRow(null, r.conversationId(), r.seq(),
                r.faqId(), r.question(), r.confidence(), r.helpful(), r.answeredAt().truncatedTo(ChronoUnit.MILLIS))))
                .containsExactlyInAnyOrderElementsOf(fresh.answers().stream().map(r -> new AnswerRow(null, r.conversationId(), r.seq(),
                        r.faqId(), r.question(), r.confidence(), r.helpful(), r.answeredAt().truncatedTo(ChronoUnit.MILLIS))).toList())
                .isNotEmpty();
        assertThat(stored(gaps.findAll(), id, GapQuestionRow::conversationId, GapQuestionRow::seq))
                .containsExactlyInAnyOrderElementsOf(fresh.gaps().stream().map(GapQuestionRow::seq).toList())
                .isNotEmpty();
        assertThat(facts.findById(id)).hasValueSatisfying(f -> assertThat(f.lastSeq()).isEqualTo(fresh.fact().lastSeq()));
    }

    @Test
    void should_replace_every_row_when_the_stored_rows_are_not_the_ones_this_instance_wrote() {
        String id = conversationWithAQuestion();
        projector.flush();
        facts.deleteById(id);

        projector.reconcile();

        ConversationProjection fresh = ConversationProjection.of(transcript.conversation(id).orElseThrow(), transcript.events(id));
        assertThat(stored(answers.findAll(), id, AnswerRow::conversationId, AnswerRow::seq))
                .containsExactlyElementsOf(fresh.answers().stream().map(AnswerRow::seq).toList());
    }

    private static <R, T> List<T> stored(Iterable<R> rows, String id, Function<R, String> conversation, Function<R, T> view) {
        List<T> result = new ArrayList<>();
        rows.forEach(r -> {
            if (id.equals(conversation.apply(r))) {
                result.add(view.apply(r));
            }
        });
        return result;
    }

    private String conversationWithAQuestion() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        String id = started.string("id");
        customer.say(id, started.string("token"), "m1", "How do I return a lamp?");
        return id;
    }
}
