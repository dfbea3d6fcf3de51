package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.llm.AnswerWriter;
import touchpoint.knowledge.llm.Llm;
import touchpoint.knowledge.llm.LlmAnswerWriter;
import touchpoint.knowledge.llm.LlmConfig;
import touchpoint.knowledge.llm.LlmProvider;
import touchpoint.knowledge.retrieval.EmbeddingChoice;

class KnowledgeWiringIT {

    @Test
    void should_bind_defaults_and_wire_the_engine_without_an_llm() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("touchpoint.knowledge.clarify-margin", "0.2"))) {
            KnowledgeConfig config = ctx.getBean(KnowledgeConfig.class);
            assertThat(config.faqDir()).isEqualTo("faq-content");
            assertThat(config.embeddings()).isEqualTo(EmbeddingChoice.CASCADE);
            assertThat(config.cascadeConfidence()).isEqualTo(0.8);
            assertThat(config.fallbackThreshold()).isNull();
            assertThat(config.clarifyMargin()).isEqualTo(0.2);

            LlmConfig llm = ctx.getBean(LlmConfig.class);
            assertThat(llm.provider()).isEqualTo(LlmProvider.NONE);
            assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(llm.promptsDir()).isEqualTo("prompts");
            assertThat(ctx.findBean(ChatModel.class)).isEmpty();
            assertThat(ctx.getBean(Llm.class).enabled()).isFalse();
            assertThat(ctx.getBean(AnswerWriter.class)).isInstanceOf(LlmAnswerWriter.class);
            assertThat(ctx.getBean(KnowledgeBase.class)).isInstanceOf(KnowledgeEngine.class);
        }
    }

    @Test
    void should_create_a_chat_model_when_a_provider_is_configured() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "touchpoint.llm.provider", "openai",
                "touchpoint.llm.base-url", "http://127.0.0.1:9/v1",
                "touchpoint.llm.model", "any",
                "touchpoint.llm.timeout", "2s",
                "touchpoint.knowledge.fallback-threshold", "-1.5"))) {
            assertThat(ctx.findBean(ChatModel.class)).isPresent();
            assertThat(ctx.getBean(Llm.class).enabled()).isTrue();
            assertThat(ctx.getBean(KnowledgeConfig.class).fallbackThreshold()).isEqualTo(-1.5);
        }
    }
}
