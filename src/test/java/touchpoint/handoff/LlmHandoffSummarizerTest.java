package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;
import touchpoint.knowledge.llm.Llm;
import touchpoint.knowledge.llm.LlmConfig;
import touchpoint.knowledge.llm.LlmProvider;
import touchpoint.testing.FakeOpenAiServer;

/** The hand-off summary with a language model behind a fake OpenAI-compatible server on 127.0.0.1. */
class LlmHandoffSummarizerTest {

    private static FakeOpenAiServer server;
    private final List<TranscriptEvent> log = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = new FakeOpenAiServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static LlmHandoffSummarizer summarizer(LlmProvider provider) {
        Llm llm = Llm.of(new LlmConfig(provider, server.baseUrl(), "fake-model", "test-key", Duration.ofMillis(500), "prompts", 8));
        return new LlmHandoffSummarizer(llm, new ExtractiveHandoffSummarizer());
    }

    private void add(EventType type, String text, String faqId, EventData data) {
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, text, null, faqId,
                faqId == null ? null : 0.8, null, null, data, null, null, Instant.EPOCH));
    }

    private void aCustomerWhoWasAnsweredAndAskedForAPerson() {
        add(EventType.CUSTOMER_ASKED, "My card 4111 1111 1111 1111 was charged twice, mail me at ada@example.org", null, null);
        add(EventType.BOT_ANSWERED, "Duplicate charges drop off within 3 days.", "charged-twice", new EventData.BotAnswered(null, "charged twice", List.of(), List.of(), false));
        add(EventType.ANSWER_RATED, null, null, new EventData.AnswerRated("charged-twice", false, 2, "thumbs"));
        add(EventType.CUSTOMER_ASKED, "talk to a person", null, null);
        add(EventType.HANDOFF_REQUESTED, null, null, new EventData.HandoffRequested(Escalations.CUSTOMER_REQUEST, null));
    }

    @Test
    void should_let_the_model_word_the_summary_and_keep_the_facts_from_the_transcript() {
        server.replying("- Charged twice for one order\n- The duplicate-charge FAQ did not help");
        aCustomerWhoWasAnsweredAndAskedForAPerson();

        HandoffSummary summary = summarizer(LlmProvider.OPENAI).summarize(log);

        assertThat(summary.generated()).isTrue();
        assertThat(summary.text()).isEqualTo("- Charged twice for one order\n- The duplicate-charge FAQ did not help");
        assertThat(summary.faqsTried()).extracting(HandoffSummary.FaqTried::faqId).containsExactly("charged-twice");
        assertThat(summary.ratings()).extracting(HandoffSummary.Rating::helpful).containsExactly(false);
    }

    @Test
    void should_mask_personal_data_before_the_transcript_leaves_the_service() {
        server.replying("- summary");
        aCustomerWhoWasAnsweredAndAskedForAPerson();
        int before = server.requests().size();

        summarizer(LlmProvider.OPENAI).summarize(log);

        String request = server.requests().get(before);
        assertThat(request).contains("Bot (answered from FAQ charged-twice)").contains("Customer rated the answer not helpful")
                .contains("[card ****1111]").doesNotContain("4111 1111").doesNotContain("ada@example.org");
    }

    @Test
    void should_ask_the_model_once_per_state_of_the_conversation() {
        server.replying("- once");
        aCustomerWhoWasAnsweredAndAskedForAPerson();
        LlmHandoffSummarizer summarizer = summarizer(LlmProvider.OPENAI);
        int before = server.requests().size();

        summarizer.summarize(log);
        summarizer.summarize(log);
        add(EventType.CUSTOMER_ASKED, "hello?", null, null);
        summarizer.summarize(log);

        assertThat(server.requests().size() - before).isEqualTo(2);
    }

    @Test
    void should_fall_back_to_the_extractive_summary_when_the_model_fails_or_is_slow_or_absent() {
        aCustomerWhoWasAnsweredAndAskedForAPerson();
        String extractive = new ExtractiveHandoffSummarizer().summarize(log).text();

        server.failing(500);
        assertThat(summarizer(LlmProvider.OPENAI).summarize(log)).extracting(HandoffSummary::text, HandoffSummary::generated)
                .containsExactly(extractive, false);
        server.replying("- too late").slow(2_000);
        assertThat(summarizer(LlmProvider.OPENAI).summarize(log).text()).isEqualTo(extractive);
        assertThat(summarizer(LlmProvider.NONE).summarize(log).text()).isEqualTo(extractive);
    }
}
