package touchpoint.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Option;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.TranscriptEvent;
import touchpoint.channel.telegram.TelegramRendering.Button;
import touchpoint.channel.telegram.TelegramRendering.Outgoing;

class TelegramRenderingTest {

    private static TranscriptEvent event(long seq, EventType type, String text, List<Option> options, SurveyPrompt survey, EventData data) {
        return new TranscriptEvent("c1", seq, "m" + seq, type, text, text == null ? null : "<p>x</p>", null, null, options, survey, data,
                null, null, Instant.EPOCH);
    }

    @Test
    void should_cite_the_faq_under_an_answer_and_offer_thumbs() {
        TranscriptEvent answer = event(4, EventType.BOT_ANSWERED, "You can return items within **30 days**.", List.of(), null,
                new EventData.BotAnswered("What is your return policy?", "return?", List.of("return-policy"), List.of("return-policy"), false));

        List<Outgoing> out = TelegramRendering.render(answer);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).html()).isEqualTo("You can return items within <b>30 days</b>.\n\n<i>From our help centre: What is your return policy?</i>");
        assertThat(out.get(0).keyboard()).containsExactly(List.of(
                new Button(TelegramRendering.HELPFUL, CallbackData.rating(4, true)),
                new Button(TelegramRendering.NOT_HELPFUL, CallbackData.rating(4, false))));
    }

    @Test
    void should_offer_clarify_options_as_buttons_instead_of_a_list() {
        List<Option> options = List.of(new Option("What is your return policy?", "What is your return policy?"),
                new Option("When will I get my refund?", "When will I get my refund?"), new Option("None of these", "None of these"));
        TranscriptEvent clarify = event(6, EventType.BOT_CLARIFIED,
                "Did you mean one of these?\n\n- What is your return policy?\n- When will I get my refund?", options, null,
                new EventData.BotClarified("refund or return", List.of("return-policy", "refund-timing"), 0.48));

        List<Outgoing> out = TelegramRendering.render(clarify);

        assertThat(out).extracting(Outgoing::html).containsExactly("Did you mean one of these?");
        assertThat(out.get(0).keyboard()).extracting(row -> row.get(0).label())
                .containsExactly("What is your return policy?", "When will I get my refund?", "None of these");
        assertThat(out.get(0).keyboard()).extracting(row -> row.get(0).data()).containsExactly(
                CallbackData.option(6, 0), CallbackData.option(6, 1), CallbackData.option(6, 2));
    }

    @Test
    void should_lay_out_survey_scales_as_rows_of_buttons_with_skip_apart() {
        assertThat(scaleRows(1, 5)).containsExactly(List.of("1", "2", "3", "4", "5"), List.of("Skip"));
        assertThat(scaleRows(1, 7)).containsExactly(List.of("1", "2", "3", "4", "5", "6", "7"), List.of("Skip"));
        assertThat(scaleRows(0, 10)).containsExactly(List.of("0", "1", "2", "3", "4", "5"), List.of("6", "7", "8", "9", "10"), List.of("Skip"));
    }

    private static List<List<String>> scaleRows(int min, int max) {
        List<Option> options = new ArrayList<>();
        for (int v = min; v <= max; v++) {
            options.add(new Option(String.valueOf(v), String.valueOf(v)));
        }
        options.add(new Option("Skip", "Skip"));
        TranscriptEvent asked = event(9, EventType.SURVEY_ASKED, "How did we do?", options, new SurveyPrompt("q", "X", min, max),
                new EventData.SurveyAsked("q", "CSAT", "resolved"));
        Outgoing out = TelegramRendering.render(asked).get(0);
        assertThat(out.html()).isEqualTo("How did we do?");
        List<String> all = out.keyboard().stream().flatMap(List::stream).map(b -> options.get(b.data().index()).value()).toList();
        assertThat(all).isEqualTo(options.stream().map(Option::value).toList());
        return out.keyboard().stream().map(row -> row.stream().map(Button::label).toList()).toList();
    }

    @Test
    void should_show_an_agents_reply_under_the_agents_name_as_plain_text() {
        TranscriptEvent reply = event(12, EventType.AGENT_REPLIED, "Use code <SAVE10> & enjoy", List.of(), null,
                new EventData.AgentReplied("a1", "Grace", null));

        assertThat(TelegramRendering.render(reply)).extracting(Outgoing::html).containsExactly("<b>Grace</b>\nUse code &lt;SAVE10&gt; &amp; enjoy");
    }

    @Test
    void should_word_hand_off_events_and_skip_the_customers_own() {
        TranscriptEvent joined = event(13, EventType.AGENT_JOINED, null, List.of(), null, new EventData.AgentJoined("a1", "Grace"));
        TranscriptEvent asked = event(14, EventType.CUSTOMER_ASKED, "hello", List.of(), null, null);
        TranscriptEvent rated = event(15, EventType.ANSWER_RATED, null, List.of(), null, new EventData.AnswerRated("f", true, 4, "thumbs"));

        assertThat(TelegramRendering.render(joined)).extracting(Outgoing::html).containsExactly("<i>Grace joined the chat</i>");
        assertThat(TelegramRendering.render(asked)).isEmpty();
        assertThat(TelegramRendering.render(rated)).isEmpty();
    }

    @Test
    void should_keep_buttons_on_the_last_part_of_a_long_answer() {
        String body = ("A paragraph of answer text. ".repeat(10).strip() + "\n\n").repeat(3).strip();
        TranscriptEvent answer = event(4, EventType.BOT_ANSWERED, body, List.of(), null,
                new EventData.BotAnswered("Long", "q", List.of("f"), List.of("f"), false));

        List<Outgoing> out = TelegramRendering.render(answer, 400);

        assertThat(out).hasSizeGreaterThan(1);
        assertThat(out.subList(0, out.size() - 1)).allSatisfy(o -> assertThat(o.keyboard()).isEmpty());
        assertThat(out.get(out.size() - 1).keyboard()).hasSize(1);
        assertThat(out).allSatisfy(o -> assertThat(FakeTelegram.visibleText(o.html()).length()).isLessThanOrEqualTo(400));
        assertThat(out.get(out.size() - 1).html()).endsWith("<i>From our help centre: Long</i>");
    }
}
