package touchpoint.knowledge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.FaqView;
import touchpoint.testing.FakeOpenAiServer;

class LlmAnswerWriterTest {

    private static FakeOpenAiServer server;

    private static final FaqView REFUND = new FaqView("refund-status", "Where is my refund?", List.of(), List.of(),
            "billing", "en", "Refunds arrive **5–7 working days** after we receive the item.", "");
    private static final FaqView RETURNS = new FaqView("return-item", "How do I return an item?", List.of(), List.of(),
            "logistics", "en", "Print the label from My orders.", "");

    @BeforeAll
    static void start() throws Exception {
        server = new FakeOpenAiServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Llm llm(Duration timeout) {
        return Llm.of(new LlmConfig(LlmProvider.OPENAI, server.baseUrl(), "fake-model", "test-key", timeout, "prompts", 8));
    }

    private static AnswerWriter writer(Duration timeout) {
        return new LlmAnswerWriter(llm(timeout));
    }

    @Test
    void should_let_the_model_word_the_clarifying_question_from_the_close_faqs() {
        server.replying("Is this about when your refund arrives, or how to send the item back?");
        int before = server.requests().size();

        String question = writer(Duration.ofSeconds(5)).clarify("refund or return?", List.of(REFUND, RETURNS));

        assertThat(question).isEqualTo("Is this about when your refund arrives, or how to send the item back?");
        assertThat(server.requests().get(before)).contains("- How do I return an item?").contains("refund or return?");
    }

    @Test
    void should_ask_the_plain_clarifying_question_when_the_model_fails_or_rambles() {
        server.failing(500);
        assertThat(writer(Duration.ofSeconds(5)).clarify("refund or return?", List.of(REFUND, RETURNS)))
                .isEqualTo(AnswerWriter.CLARIFY_QUESTION);
        server.replying("x".repeat(400));
        assertThat(writer(Duration.ofSeconds(5)).clarify("refund or return?", List.of(REFUND, RETURNS)))
                .isEqualTo(AnswerWriter.CLARIFY_QUESTION);
    }

    @Test
    void should_rephrase_from_the_retrieved_faqs_and_cite_them() {
        server.replying("Your money should be back within 5–7 working days of us receiving the item.\nSources: refund-status");
        AnswerWriter.Answer answer = writer(Duration.ofSeconds(5)).write("where's my money?", List.of(REFUND, RETURNS));
        assertThat(answer.known()).isTrue();
        assertThat(answer.text()).startsWith("Your money should be back").doesNotContain("Sources");
        assertThat(answer.citedFaqIds()).containsExactly("refund-status");
        String request = server.requests().get(server.requests().size() - 1);
        assertThat(request).contains("where's my money?").contains("[refund-status]").contains("5–7 working days");
    }

    @Test
    void should_fall_back_to_the_faq_text_when_the_llm_fails() {
        server.failing(500);
        AnswerWriter.Answer answer = writer(Duration.ofSeconds(5)).write("where's my money?", List.of(REFUND));
        assertThat(answer.known()).isTrue();
        assertThat(answer.text()).isEqualTo(REFUND.bodyMarkdown());
        assertThat(answer.citedFaqIds()).containsExactly("refund-status");
    }

    @Test
    void should_fall_back_to_the_faq_text_when_the_llm_is_too_slow() {
        server.replying("Too late.\nSources: refund-status").slow(3_000);
        long started = System.nanoTime();
        AnswerWriter.Answer answer = writer(Duration.ofMillis(300)).write("where's my money?", List.of(REFUND));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(answer.text()).isEqualTo(REFUND.bodyMarkdown());
    }

    @Test
    void should_honour_i_dont_know() {
        server.replying("I don’t know");
        AnswerWriter.Answer answer = writer(Duration.ofSeconds(5)).write("can I pay in bitcoin?", List.of(REFUND));
        assertThat(answer.known()).isFalse();
        assertThat(answer.citedFaqIds()).isEmpty();
    }

    @Test
    void should_not_trust_a_reply_that_cites_faqs_it_was_not_given() {
        server.replying("Sure, we refund in bitcoin.\nSources: crypto-refunds");
        AnswerWriter.Answer answer = writer(Duration.ofSeconds(5)).write("bitcoin refund?", List.of(REFUND));
        assertThat(answer.text()).isEqualTo(REFUND.bodyMarkdown());
        assertThat(answer.citedFaqIds()).containsExactly("refund-status");
    }

    @Test
    void should_fill_the_handoff_summary_prompt_for_other_features() {
        server.replying("- Customer wants their refund status");
        assertThat(llm(Duration.ofSeconds(5)).complete("handoff-summary", Map.of("transcript", "customer: where is my refund?")))
                .contains("- Customer wants their refund status");
        assertThat(server.requests().get(server.requests().size() - 1)).contains("customer: where is my refund?");
    }

    @Test
    void should_word_from_retrieval_at_once_while_as_many_model_calls_as_allowed_are_in_flight() throws Exception {
        server.replying("Refunds take 5 to 7 working days.\nSources: refund-status").slow(2_000);
        Llm oneAtATime = Llm.of(new LlmConfig(LlmProvider.OPENAI, server.baseUrl(), "fake-model", "test-key",
                Duration.ofSeconds(5), "prompts", 1));
        int before = server.requests().size();
        java.util.concurrent.CompletableFuture<AnswerWriter.Answer> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> new LlmAnswerWriter(oneAtATime).write("refund?", List.of(REFUND)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.requests().size() > before);

        long started = System.nanoTime();
        AnswerWriter.Answer second = new LlmAnswerWriter(oneAtATime).write("refund?", List.of(REFUND));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(second.text()).isEqualTo(REFUND.bodyMarkdown());
        assertThat(server.requests()).hasSize(before + 1);
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).text()).isEqualTo("Refunds take 5 to 7 working days.");
        server.replying("Refunds take 5 to 7 working days.\nSources: refund-status");
        assertThat(new LlmAnswerWriter(oneAtATime).write("refund?", List.of(REFUND)).text())
                .as("the slot is free again once the first call returned").isEqualTo("Refunds take 5 to 7 working days.");
    }

    @Test
    void should_answer_from_retrieval_when_no_provider_is_configured() {
        Llm none = Llm.of(new LlmConfig(LlmProvider.NONE, null, null, null, Duration.ofSeconds(1), "prompts", 8));
        assertThat(none.enabled()).isFalse();
        assertThat(none.complete("answer", Map.of("question", "q", "faqs", "f"))).isEmpty();
        assertThat(new LlmAnswerWriter(none).write("q", List.of(REFUND)).text()).isEqualTo(REFUND.bodyMarkdown());
    }

    @Test
    void should_use_the_packaged_prompt_when_the_directory_has_none() {
        PromptTemplates templates = new PromptTemplates(java.nio.file.Path.of("no-such-prompts-dir"));
        assertThat(templates.template("answer")).get().asString().contains("I don't know");
        assertThat(templates.template("clarify")).isPresent();
        assertThat(templates.template("missing")).isEmpty();
    }
}
