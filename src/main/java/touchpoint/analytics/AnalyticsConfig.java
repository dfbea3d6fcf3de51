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
 * @param projectionDelay how long after a write its conversation is re-projected into the analytics tables; the
 *     writes of a busy conversation within this time cost one projection, and none of it is on the customer's
 *     request. Dashboard reads project what is pending on their instance first, so they never see less.
 */
@ConfigurationProperties("touchpoint.analytics")
public record AnalyticsConfig(
        @Bindable(defaultValue = "30") int defaultDays,
        // bge-small puts paraphrases of one question around 0.85-0.95 and unrelated shop questions near 0.6-0.75.
        @Bindable(defaultValue = "0.82") double gapSimilarity,
        @Bindable(defaultValue = "0.80") double themeSimilarity,
        @Bindable(defaultValue = "5") int examplesPerCluster,
        @Bindable(defaultValue = "5000") int embeddingCacheSize,
        @Bindable(defaultValue = "1s") java.time.Duration projectionDelay) {
}
