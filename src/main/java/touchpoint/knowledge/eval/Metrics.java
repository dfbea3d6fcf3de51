package touchpoint.knowledge.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import touchpoint.knowledge.Candidate;
import touchpoint.knowledge.Decision;

/** Accumulates per-query outcomes into an {@link EvalReport}. */
final class Metrics {

    private int queries;
    private int inScope;
    private int top1;
    private int top3;
    private int answeredRight;
    private int withinOne;
    private int clarified;
    private int oos;
    private int oosFallback;
    private int fallbacks;
    private int inScopeFallbacks;
    private int byQuickModel;
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();

    private long processCpuNanos;

    /**
     * Wall-clock, the calling thread's and the whole process's CPU time of one query; CPU time is robust to a
     * busy machine.
     */
    void time(long wallNanos, long threadCpuNanos, long processCpuNanos) {
        nanos.add(wallNanos);
        cpuNanos.add(threadCpuNanos);
        this.processCpuNanos += processCpuNanos;
    }

    void add(String expected, Decision d, List<String> ranked, boolean quick) {
        queries++;
        if (quick) {
            byQuickModel++;
        }
        if (d.outcome() == Decision.Outcome.CLARIFY) {
            clarified++;
        }
        if (d.outcome() == Decision.Outcome.FALLBACK) {
            fallbacks++;
        }
        if (expected == null) {
            oos++;
            if (d.outcome() == Decision.Outcome.FALLBACK) {
                oosFallback++;
            }
            return;
        }
        inScope++;
        if (d.outcome() == Decision.Outcome.FALLBACK) {
            inScopeFallbacks++;
        }
        countRank(expected, ranked);
        boolean right = d.outcome() == Decision.Outcome.ANSWER && d.citedFaqIds().contains(expected);
        boolean offered = d.outcome() == Decision.Outcome.CLARIFY
                && d.candidates().stream().map(Candidate::faqId).anyMatch(expected::equals);
        if (right) {
            answeredRight++;
        }
        if (right || offered) {
            withinOne++;
        }
    }

    void addBaseline(String expected, List<String> ranked) {
        queries++;
        if (expected == null) {
            oos++;
            return;
        }
        inScope++;
        countRank(expected, ranked);
    }

    private void countRank(String expected, List<String> ranked) {
        int rank = ranked.indexOf(expected);
        if (rank == 0) {
            top1++;
        }
        if (rank >= 0 && rank < 3) {
            top3++;
        }
    }

    EvalReport report(String mode, int faqs, long buildMs, double threshold, boolean cascade) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        List<Long> sortedCpu = new ArrayList<>(cpuNanos);
        Collections.sort(sortedCpu);
        boolean baseline = mode.equals("baseline");
        return new EvalReport(mode, faqs, queries, inScope,
                ratio(top1, inScope), ratio(top3, inScope),
                baseline ? null : ratio(answeredRight, inScope),
                baseline ? null : ratio(withinOne, inScope),
                queries == 0 ? 0 : clarified / (double) queries,
                baseline ? null : ratio(oosFallback, oos),
                baseline ? null : ratio(oosFallback, fallbacks),
                queries == 0 ? 0 : fallbacks / (double) queries,
                baseline ? null : ratio(inScopeFallbacks, inScope),
                cascade ? ratio(byQuickModel, queries) : null,
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sortedCpu, 0.50),
                nanos.isEmpty() ? 0 : Math.round(processCpuNanos / 10_000.0 / nanos.size()) / 100.0, buildMs, threshold);
    }

    private static Double ratio(int num, int den) {
        return den == 0 ? null : Math.round(num * 10000.0 / den) / 10000.0;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int idx = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return Math.round(sorted.get(Math.max(0, idx)) / 10_000.0) / 100.0;
    }
}
