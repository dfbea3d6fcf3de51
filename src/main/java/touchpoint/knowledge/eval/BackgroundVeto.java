package touchpoint.knowledge.eval;

import java.util.Locale;

/**
 * What the engine's decisions would become if a background set of off-topic questions could only add fallbacks
 * to the calibrated threshold, never remove one: a question falls back when the engine falls back, or when the
 * background evidence says it is not ours. Two label-free rules, neither with a threshold to tune: the background
 * wins as a class of the softmax head ({@code P(background) > 0.5}), or the nearest background question is closer
 * than the nearest FAQ phrasing. A third rule places its cut on 1 - P(background) from the FAQs' own held-out
 * phrasings, as the fallback threshold is placed. Rankings are untouched, so top-1 and top-3 stay what the engine
 * gives.
 */
final class BackgroundVeto {

    private static final String[] RULES = {"calibrated threshold alone (today)",
        "threshold, or the background class wins the head", "threshold, or a background question is nearest",
        "threshold, or 1 - P(background) below the cut from the FAQs' held-out phrasings"};

    // [rule][in-scope fallbacks, in-scope, off-topic fallbacks, off-topic, near-domain fallbacks, near-domain]
    private final int[][] tally = new int[RULES.length][6];
    private final double cut;

    /** {@code cut}: the calibrated cut on 1 - P(background) of the last rule. */
    BackgroundVeto(double cut) {
        this.cut = cut;
    }

    /**
     * {@code notOursMargin}: nearest FAQ cosine minus nearest background cosine; {@code notBackground}:
     * 1 - P(background) under the head with the background class.
     */
    void add(boolean oos, boolean nearDomain, boolean fellBack, double notOursMargin, double notBackground) {
        boolean[] fallback = {fellBack, fellBack || notBackground < 0.5, fellBack || notOursMargin < 0,
            fellBack || notBackground < cut};
        int base = nearDomain ? 4 : oos ? 2 : 0;
        for (int r = 0; r < RULES.length; r++) {
            tally[r][base] += fallback[r] ? 1 : 0;
            tally[r][base + 1]++;
        }
    }

    String markdown() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "calibrated background cut %.4f%n", cut));
        out.append(
                "| rule | in-scope fallback rate | OOS recall | OOS precision | near-domain fallback rate |\n|---|---|---|---|---|\n");
        for (int r = 0; r < RULES.length; r++) {
            int[] t = tally[r];
            out.append(String.format(Locale.ROOT, "| %s | %.4f | %.3f | %.3f | %s |%n", RULES[r], ratio(t[0], t[1]),
                    ratio(t[2], t[3]), ratio(t[2], t[0] + t[2]),
                    t[5] == 0 ? "–" : String.format(Locale.ROOT, "%.3f", ratio(t[4], t[5]))));
        }
        return out.toString();
    }

    private static double ratio(int num, int den) {
        return den == 0 ? Double.NaN : num / (double) den;
    }
}
