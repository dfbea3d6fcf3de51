package touchpoint.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventType;
import touchpoint.chat.Option;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.TranscriptEvent;

class PlainRenderingTest {

    private static final List<Option> OPTIONS = List.of(new Option("return-policy", "What is your return policy?"),
            new Option("refund-timing", "When will I get my refund?"), new Option("none", "None of these"));

    @Test
    void should_turn_markdown_into_plain_words() {
        String plain = PlainRendering.plain("You can return items within **30 days**. See [our policy](https://shop.example/returns).");

        assertThat(plain).doesNotContain("**").doesNotContain("](").contains("30 days").contains("https://shop.example/returns");
    }

    @Test
    void should_list_options_by_number_and_read_a_number_back_as_the_option() {
        assertThat(PlainRendering.numbered(OPTIONS)).isEqualTo("1. What is your return policy?\n2. When will I get my refund?\n3. None of these");
        assertThat(PlainRendering.choice(OPTIONS, "2")).contains(OPTIONS.get(1));
        assertThat(PlainRendering.choice(OPTIONS, " 2. ")).contains(OPTIONS.get(1));
        assertThat(PlainRendering.choice(OPTIONS, "#1")).contains(OPTIONS.get(0));
        assertThat(PlainRendering.choice(OPTIONS, "option 3")).contains(OPTIONS.get(2));
        assertThat(PlainRendering.choice(OPTIONS, "4")).isEmpty();
        assertThat(PlainRendering.choice(OPTIONS, "0")).isEmpty();
        assertThat(PlainRendering.choice(OPTIONS, "2 weeks ago I ordered")).isEmpty();
    }

    @Test
    void should_read_a_score_on_the_surveys_scale_and_refuse_one_off_it() {
        SurveyPrompt nps = new SurveyPrompt("nps", "NPS", 0, 10);

        assertThat(PlainRendering.score(nps, "8")).contains(8);
        assertThat(PlainRendering.score(nps, "8/10")).contains(8);
        assertThat(PlainRendering.score(nps, "0")).contains(0);
        assertThat(PlainRendering.score(nps, "9 out of 10!")).contains(9);
        assertThat(PlainRendering.score(nps, "11")).isEmpty();
        assertThat(PlainRendering.score(nps, "great")).isEmpty();
    }

    @Test
    void should_render_a_survey_as_its_range_not_as_a_numbered_list_of_scores() {
        List<Option> scale = List.of(new Option("1", "1"), new Option("2", "2"), new Option("3", "3"), new Option("Skip", "Skip"));
        TranscriptEvent survey = new TranscriptEvent("c", 5, "m", EventType.SURVEY_ASKED, "How easy was it?", null, null, null,
                scale, new SurveyPrompt("ces", "CES", 1, 3), null, null, null, Instant.EPOCH);

        String text = PlainRendering.message(survey);

        assertThat(text).isEqualTo("How easy was it?\n\nReply with a number from 1 to 3, or Skip.");
    }

    @Test
    void should_render_clarify_options_as_a_numbered_list_under_the_question() {
        TranscriptEvent clarify = new TranscriptEvent("c", 5, "m", EventType.BOT_CLARIFIED, "Did you mean one of these?", null, null,
                null, OPTIONS, null, null, null, null, Instant.EPOCH);

        assertThat(PlainRendering.message(clarify)).isEqualTo("Did you mean one of these?\n\n1. What is your return policy?\n"
                + "2. When will I get my refund?\n3. None of these\n\nReply with the number of your choice.");
    }
}
