package touchpoint.knowledge.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The eval command's result. Fractions are in 0..1; {@code oosPrecision} is null when nothing fell back,
 * rank metrics are null when there are no in-scope queries, OOS metrics null when there are no OOS queries.
 * {@code inScopeFallbackRate} is the share of in-scope queries that fell back (null without any).
 * {@code p50Ms}/{@code p99Ms} are wall-clock per {@code decide}; {@code p50CpuMs} is the calling thread's CPU
 * time and {@code cpuMsPerQuery} the whole process's mean CPU time per {@code decide} (an idle engine encodes on
 * every core, so the calling thread's time leaves part of it out); both stay meaningful when other processes
 * compete for the cores. {@code quickShare} is the share of queries a cascade's small model ranked (null
 * without a cascade).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvalReport(
        String mode,
        int faqs,
        int queries,
        int inScope,
        @Nullable Double top1,
        @Nullable Double top3,
        @Nullable Double inScopeAccuracy,
        @Nullable Double withinOneClarification,
        double clarifyRate,
        @Nullable Double oosRecall,
        @Nullable Double oosPrecision,
        double fallbackRate,
        @Nullable Double inScopeFallbackRate,
        @Nullable Double quickShare,
        double p50Ms,
        double p99Ms,
        double p50CpuMs,
        double cpuMsPerQuery,
        long indexBuildMs,
        double fallbackThreshold) {
}
