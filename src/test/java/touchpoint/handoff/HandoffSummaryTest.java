package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;

class HandoffSummaryTest {

    private final List<TranscriptEvent> log = new ArrayList<>();
    private final ExtractiveHandoffSummarizer summarizer = new ExtractiveHandoffSummarizer();

    private void add(EventType type, String text, String faqId, Map<String, String> data) {
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, text, null, faqId,
                faqId == null ? null : 0.8, null, null, data, null, null, Instant.parse("2026-04-01T08:00:00Z")));
    }

    @Test
    void should_headline_the_question_before_the_request_for_a_person_not_the_request_itself() {
        add(EventType.CUSTOMER_ASKED, "Where is my parcel?", null, Map.of());
        add(EventType.BOT_ANSWERED, "Track it here.", "track-order", Map.of("title", "Where is my order?"));
        add(EventType.CUSTOMER_ASKED, "I want to talk to a person", null, Map.of());
        add(EventType.HANDOFF_REQUESTED, null, null, Map.of("reason", Escalations.CUSTOMER_REQUEST, "team", "support"));
        add(EventType.CUSTOMER_ASKED, "It's order 1042", null, Map.of());

        HandoffSummary summary = summarizer.summarize(log);

        assertThat(summary.text()).startsWith("The customer asked: \"Where is my parcel?\" (3 messages in all). The bot answered 1 time.")
                .endsWith("Handed over because: customer request.");
        assertThat(summary.customerQuestions()).containsExactly("Where is my parcel?", "I want to talk to a person", "It's order 1042");
        assertThat(summary.faqsTried()).extracting(HandoffSummary.FaqTried::faqId).containsExactly("track-order");
    }

    @Test
    void should_headline_the_question_the_bot_failed_on_when_it_escalated_by_itself() {
        add(EventType.CUSTOMER_ASKED, "my sofa arrived scratched", null, Map.of());
        add(EventType.BOT_FELL_BACK, "I don't have an answer for that.", null, Map.of("candidates", "damaged-item,how-to-return"));
        add(EventType.CUSTOMER_ASKED, "the sofa is damaged!!", null, Map.of());
        add(EventType.HANDOFF_REQUESTED, null, null, Map.of("reason", "repeated_fallback", "team", "returns"));

        HandoffSummary summary = summarizer.summarize(log);

        assertThat(summary.text()).startsWith("The customer asked: \"the sofa is damaged!!\"").endsWith("Handed over because: repeated fallback.");
        assertThat(summary.faqsTried()).extracting(HandoffSummary.FaqTried::outcome).containsExactly("considered", "considered");
    }

    @Test
    void should_headline_the_question_the_bot_was_answering_when_the_customer_said_it_did_not_help() {
        add(EventType.CUSTOMER_ASKED, "How do I return a lamp?", null, Map.of());
        add(EventType.BOT_ANSWERED, "Within 30 days.", "return-policy", Map.of("question", "How do I return a lamp?"));
        add(EventType.CUSTOMER_ASKED, "that didn't help", null, Map.of());
        add(EventType.BOT_ANSWERED, "Refunds take 5 days.", "refund-timing", Map.of("question", "How do I return a lamp?"));
        add(EventType.CUSTOMER_ASKED, "talk to a person", null, Map.of());
        add(EventType.HANDOFF_REQUESTED, null, null, Map.of("reason", Escalations.CUSTOMER_REQUEST));

        assertThat(summarizer.summarize(log).text()).startsWith("The customer asked: \"How do I return a lamp?\" (3 messages in all). The bot answered 2 times.");
    }

    @Test
    void should_say_when_the_customer_asked_for_a_person_before_anything_else() {
        add(EventType.CUSTOMER_ASKED, "Talk to a person", null, Map.of());
        add(EventType.HANDOFF_REQUESTED, null, null, Map.of("reason", Escalations.CUSTOMER_REQUEST));
        add(EventType.CUSTOMER_ASKED, "my sofa is broken", null, Map.of());

        assertThat(summarizer.summarize(log).text())
                .startsWith("The customer asked for a person before asking anything (2 messages in all). The bot answered 0 times.");
    }

    @Test
    void should_say_when_the_customer_has_not_asked_anything() {
        assertThat(summarizer.summarize(log).text()).startsWith("The customer has not asked anything yet.");
    }
}
