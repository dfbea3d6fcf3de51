package touchpoint.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Analytics ({@code touchpoint.analytics.*}).
 *
 * @param defaultDays the window the dashboard shows when no {@code from} is given
 * @param gapSimilarity cosine similarity at or above which a question joins a knowledge-gap topic
 * @param themeSimilarity cosine similarity at or above which a survey comment joins a feedback theme
 * @param examplesPerCluster how many example texts each topic or theme shows
 * @param embeddingCacheSize texts whose embeddings are kept in memory between dashboard loads
 */
@ConfigurationProperties("touchpoint.analytics")
public record AnalyticsConfig(
        @Bindable(defaultValue = "30") int defaultDays,
        // bge-small puts paraphrases of one question around 0.85-0.95 and unrelated shop questions near 0.6-0.75.
        @Bindable(defaultValue = "0.82") double gapSimilarity,
        @Bindable(defaultValue = "0.80") double themeSimilarity,
        @Bindable(defaultValue = "5") int examplesPerCluster,
        @Bindable(defaultValue = "5000") int embeddingCacheSize) {
}
