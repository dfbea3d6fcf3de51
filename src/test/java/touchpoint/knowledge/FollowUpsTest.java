package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.retrieval.Ranking;

/** When a short question is read with the previous one, with a ranking stub that records what it was asked. */
class FollowUpsTest {

    private static final String PREVIOUS = "do you deliver to France?";

    private final FollowUps followUps = new FollowUps(4);
    private final List<String> ranked = new ArrayList<>();

    private FollowUps.Reading read(String text, Set<String> inScope) {
        return followUps.read(new Question(text, "en", List.of("where is my parcel?", PREVIOUS), Set.of()), t -> {
            ranked.add(t);
            return new Ranking(List.of(), 0, !inScope.contains(t), inScope.contains(t) ? 0.9 : 0.1);
        });
    }

    @Test
    void should_read_a_question_that_opens_like_a_follow_up_with_the_previous_one() {
        for (String text : List.of("and to Ireland?", "What about Ireland?", "how about Spain", "for a sofa?", "Ireland too?")) {
            assertThat(read(text, Set.of()).text()).as(text).isEqualTo(PREVIOUS + " " + text);
        }
    }

    @Test
    void should_read_a_short_new_question_on_its_own() {
        FollowUps.Reading reading = read("I was charged twice", Set.of("I was charged twice", PREVIOUS + " I was charged twice"));
        assertThat(reading.text()).isEqualTo("I was charged twice");
        assertThat(ranked).containsExactly("I was charged twice");
    }

    @Test
    void should_not_rescue_an_off_topic_question_with_the_previous_one() {
        FollowUps.Reading reading = read("what's the weather tomorrow", Set.of(PREVIOUS + " what's the weather tomorrow"));
        assertThat(reading.text()).isEqualTo("what's the weather tomorrow");
        assertThat(reading.ranking().outOfScope()).isTrue();
    }

    @Test
    void should_read_a_fragment_with_the_previous_question_only_when_that_answers_it() {
        assertThat(read("Ireland?", Set.of(PREVIOUS + " Ireland?")).text()).isEqualTo(PREVIOUS + " Ireland?");
        assertThat(read("Ireland?", Set.of()).text()).isEqualTo("Ireland?");
        assertThat(read("refund?", Set.of("refund?", PREVIOUS + " refund?")).text()).isEqualTo("refund?");
        assertThat(read("1", Set.of(PREVIOUS + " 1")).text()).isEqualTo("1");
    }

    @Test
    void should_read_long_questions_and_first_questions_on_their_own() {
        assertThat(read("and could you also tell me about Ireland", Set.of()).text()).isEqualTo("and could you also tell me about Ireland");
        FollowUps.Reading first = followUps.read(Question.of("and Ireland?"), t -> new Ranking(List.of(), 0, true, 0.1));
        assertThat(first.text()).isEqualTo("and Ireland?");
    }

    @Test
    void should_count_words_as_splitting_on_whitespace_does() {
        for (String text : List.of("", "a", "two words", "  leading", "trailing  ", "tab\tand\nnew line", " \u000B\f\r",
                "non\u00a0breaking", "em\u2003space x", "\u2003", "x  y   z", "\ta")) {
            assertThat(FollowUps.words(text)).as(text).isEqualTo(text.isEmpty() ? 0 : text.split("\\s+").length);
        }
    }
}
