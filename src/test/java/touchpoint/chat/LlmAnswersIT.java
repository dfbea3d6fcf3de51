package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.FakeOpenAiServer;

/**
 * The optional language model, end to end: the real knowledge engine on the demo FAQs retrieves, a fake
 * OpenAI-compatible server plays the model, and the customer talks to the chat API. The model words answers from
 * the retrieved FAQs and must cite them; when it fails, is slow, or cites nothing it was given, the customer gets
 * the FAQ's own text; when it says it doesn't know, the bot falls back honestly.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmAnswersIT implements TestPropertyProvider {

    private static final String QUESTION = "How long does it take to get my refund?";

    private final FakeOpenAiServer model = start();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("touchpoint.llm.provider", "openai", "touchpoint.llm.base-url", model.baseUrl(),
                "touchpoint.llm.api-key", "test-key", "touchpoint.llm.timeout", "3s");
    }

    @AfterAll
    void stopModel() {
        model.close();
    }

    @Test
    void should_let_the_model_word_the_answer_from_the_retrieved_faq_and_cite_it_in_the_reply() {
        model.replying("Your refund reaches you within 5 to 7 working days of the return arriving.\nSources: refund-timing");

        Map<String, Object> answer = ask(QUESTION);

        assertThat(answer).containsEntry("kind", "answer").containsEntry("faqId", "refund-timing")
                .containsEntry("text", "Your refund reaches you within 5 to 7 working days of the return arriving.");
        assertThat(model.requests().get(model.requests().size() - 1)).contains(QUESTION).contains("[refund-timing]");
    }

    @Test
    void should_give_the_customer_the_faq_text_when_the_model_fails_or_is_too_slow() {
        model.failing(500);
        String failed = (String) ask(QUESTION).get("text");
        model.replying("too late\nSources: refund-timing").slow(6_000);
        String slow = (String) ask(QUESTION).get("text");

        assertThat(failed).isNotBlank().doesNotContain("too late");
        assertThat(slow).isEqualTo(failed);
    }

    @Test
    void should_not_use_the_models_words_when_it_cites_nothing_it_was_given() {
        model.replying("We refund in bitcoin.\nSources: crypto-refunds");

        Map<String, Object> answer = ask(QUESTION);

        assertThat(answer).containsEntry("kind", "answer").containsEntry("faqId", "refund-timing");
        assertThat((String) answer.get("text")).doesNotContain("bitcoin");
    }

    @Test
    void should_fall_back_honestly_when_the_model_says_it_does_not_know() {
        model.replying("I don't know.");

        assertThat(ask(QUESTION)).containsEntry("kind", "fallback");
    }

    /** Starts a conversation, asks, and returns the bot's reply. */
    private Map<String, Object> ask(String text) {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        Reply sent = customer.say(started.string("id"), started.string("token"), "m1", text);
        List<Map<String, Object>> replies = sent.list("replies");
        assertThat(replies).isNotEmpty();
        return replies.get(0);
    }

    private static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
