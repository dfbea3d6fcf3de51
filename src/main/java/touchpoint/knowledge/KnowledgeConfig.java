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
 * @param cascadeConfidence with {@code CASCADE}, the small model's answer stands when its top FAQ's confidence
 *                          reaches this; otherwise the large model ranks the question
 * @param fallbackThreshold fixed fallback threshold on the fused score; unset = calibrated from the FAQs
 * @param targetInScopeFallbackRate when calibrating, the share of in-scope questions allowed to fall back
 * @param clarifyMargin ask "did you mean" when the runner-up's probability is within this of the top's
 * @param followUpMaxWords questions this short may be read together with the previous question (see {@code FollowUps})
 * @param embeddingCacheDir where phrasing vectors are kept between restarts; unset or blank keeps them in memory only
 */
@ConfigurationProperties("touchpoint.knowledge")
public record KnowledgeConfig(
        @Bindable(defaultValue = "faq-content") String faqDir,
        @Bindable(defaultValue = "CASCADE") EmbeddingChoice embeddings,
        @Bindable(defaultValue = "0.8") double cascadeConfidence,
        @Nullable Double fallbackThreshold,
        @Bindable(defaultValue = "0.02") double targetInScopeFallbackRate,
        @Bindable(defaultValue = "0.3") double clarifyMargin,
        @Bindable(defaultValue = "4") int followUpMaxWords,
        @Nullable String embeddingCacheDir) {

    public static KnowledgeConfig defaults() {
        return new KnowledgeConfig("faq-content", EmbeddingChoice.CASCADE, 0.8, null, 0.02, 0.3, 4, null);
    }

    public KnowledgeConfig withFaqDir(String dir) {
        return new KnowledgeConfig(dir, embeddings, cascadeConfidence, fallbackThreshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords, embeddingCacheDir);
    }

    public KnowledgeConfig withEmbeddings(EmbeddingChoice choice) {
        return new KnowledgeConfig(faqDir, choice, cascadeConfidence, fallbackThreshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords, embeddingCacheDir);
    }

    public KnowledgeConfig withFallbackThreshold(Double threshold) {
        return new KnowledgeConfig(faqDir, embeddings, cascadeConfidence, threshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords, embeddingCacheDir);
    }

    public KnowledgeConfig withCascadeConfidence(double confidence) {
        return new KnowledgeConfig(faqDir, embeddings, confidence, fallbackThreshold, targetInScopeFallbackRate, clarifyMargin, followUpMaxWords, embeddingCacheDir);
    }

    /** The embedding cache directory, or null when vectors are kept in memory only. */
    java.nio.file.Path embeddingCachePath() {
        return embeddingCacheDir == null || embeddingCacheDir.isBlank() ? null : java.nio.file.Path.of(embeddingCacheDir);
    }

    RetrievalSettings retrievalSettings() {
        return new RetrievalSettings(fallbackThreshold, targetInScopeFallbackRate, cascadeConfidence);
    }
}
