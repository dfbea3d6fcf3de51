package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;

class HandoffSummaryTest {

    private final List<TranscriptEvent> log = new ArrayList<>();
    private final ExtractiveHandoffSummarizer summarizer = new ExtractiveHandoffSummarizer();

    private void add(EventType type, String text, String faqId, EventData data) {
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, text, null, faqId,
                faqId == null ? null : 0.8, null, null, data, null, null, Instant.parse("2026-04-01T08:00:00Z")));
    }

    @Test
    void should_headline_the_question_before_the_request_for_a_person_not_the_request_itself() {
        add(EventType.CUSTOMER_ASKED, "Where is my parcel?", null, null);
        add(EventType.BOT_ANSWERED, "Track it here.", "track-order", new EventData.BotAnswered("Where is my order?", null, List.of(), List.of(), false));
        add(EventType.CUSTOMER_ASKED, "I want to talk to a person", null, null);
        add(EventType.HANDOFF_REQUESTED, null, null, new EventData.HandoffRequested(Escalations.CUSTOMER_REQUEST, "support"));
        add(EventType.CUSTOMER_ASKED, "It's order 1042", null, null);

        HandoffSummary summary = summarizer.summarize(log);

        assertThat(summary.text()).startsWith("The customer asked: \"Where is my parcel?\" (3 messages in all). The bot answered 1 time.")
                .endsWith("Handed over because: customer request.");
        assertThat(summary.customerQuestions()).containsExactly("Where is my parcel?", "I want to talk to a person", "It's order 1042");
        assertThat(summary.faqsTried()).extracting(HandoffSummary.FaqTried::faqId).containsExactly("track-order");
    }

    @Test
    void should_headline_the_question_the_bot_failed_on_when_it_escalated_by_itself() {
        add(EventType.CUSTOMER_ASKED, "my sofa arrived scratched", null, null);
        add(EventType.BOT_FELL_BACK, "I don't have an answer for that.", null, new EventData.BotFellBack(null, List.of("damaged-item", "how-to-return"), null));
        add(EventType.CUSTOMER_ASKED, "the sofa is damaged!!", null, null);
        add(EventType.HANDOFF_REQUESTED, null, null, new EventData.HandoffRequested("repeated_fallback", "returns"));

        HandoffSummary summary = summarizer.summarize(log);

        assertThat(summary.text()).startsWith("The customer asked: \"the sofa is damaged!!\"").endsWith("Handed over because: repeated fallback.");
        assertThat(summary.faqsTried()).extracting(HandoffSummary.FaqTried::outcome).containsExactly("considered", "considered");
    }

    @Test
    void should_headline_the_question_the_bot_was_answering_when_the_customer_said_it_did_not_help() {
        add(EventType.CUSTOMER_ASKED, "How do I return a lamp?", null, null);
        add(EventType.BOT_ANSWERED, "Within 30 days.", "return-policy", new EventData.BotAnswered(null, "How do I return a lamp?", List.of(), List.of(), false));
        add(EventType.CUSTOMER_ASKED, "that didn't help", null, null);
        add(EventType.BOT_ANSWERED, "Refunds take 5 days.", "refund-timing", new EventData.BotAnswered(null, "How do I return a lamp?", List.of(), List.of(), false));
        add(EventType.CUSTOMER_ASKED, "talk to a person", null, null);
        add(EventType.HANDOFF_REQUESTED, null, null, new EventData.HandoffRequested(Escalations.CUSTOMER_REQUEST, null));

        assertThat(summarizer.summarize(log).text()).startsWith("The customer asked: \"How do I return a lamp?\" (3 messages in all). The bot answered 2 times.");
    }

    @Test
    void should_say_when_the_customer_asked_for_a_person_before_anything_else() {
        add(EventType.CUSTOMER_ASKED, "Talk to a person", null, null);
        add(EventType.HANDOFF_REQUESTED, null, null, new EventData.HandoffRequested(Escalations.CUSTOMER_REQUEST, null));
        add(EventType.CUSTOMER_ASKED, "my sofa is broken", null, null);

        assertThat(summarizer.summarize(log).text())
                .startsWith("The customer asked for a person before asking anything (2 messages in all). The bot answered 0 times.");
    }

    @Test
    void should_say_when_the_customer_has_not_asked_anything() {
        assertThat(summarizer.summarize(log).text()).startsWith("The customer has not asked anything yet.");
    }
}
