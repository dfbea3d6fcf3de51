package touchpoint.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import touchpoint.knowledge.retrieval.EmbeddingChoice;
import touchpoint.knowledge.retrieval.RetrievalSettings;

/**
 * Settings under {@code touchpoint.knowledge}.
 *
 * @param faqDir directory of faq-content files, relative to the working directory
 * @param embeddings which embedding model(s) to use
 * @param fallbackThreshold fixed fallback threshold on the fused score; unset = calibrated from the FAQs
 * @param targetInScopeFallbackRate when calibrating, the share of in-scope questions allowed to fall back
 * @param clarifyMargin ask "did you mean" when the runner-up's probability is within this of the top's
 * @param followUpMaxWords questions this short may be read together with the previous question (see {@code FollowUps})
 */
@ConfigurationProperties("touchpoint.knowledge")
public record KnowledgeConfig(
        @Bindable(defaultValue = "faq-content") String faqDir,
        @Bindable(defaultValue = "BGE") EmbeddingChoice embeddings,
        @Nullable Double fallbackThreshold,
        @Bindable(defaultValue = "0.02") double targetInScopeFallbackRate,
        @Bindable(defaultValue = "0.3") double clarifyMargin,
        @Bindable(defaultValue = "4") int followUpMaxWords) {

    public static KnowledgeConfig defaults() {
        return new KnowledgeConfig("faq-content", EmbeddingChoice.BGE, null, 0.02, 0.3, 4);
    }

    public KnowledgeConfig withFaqDir(String dir) {
        return new KnowledgeConfig(dir, embeddings, fallbackThreshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords);
    }

    public KnowledgeConfig withEmbeddings(EmbeddingChoice choice) {
        return new KnowledgeConfig(faqDir, choice, fallbackThreshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords);
    }

    public KnowledgeConfig withFallbackThreshold(Double threshold) {
        return new KnowledgeConfig(faqDir, embeddings, threshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords);
    }

    RetrievalSettings retrievalSettings() {
        return new RetrievalSettings(fallbackThreshold, targetInScopeFallbackRate);
    }
}
