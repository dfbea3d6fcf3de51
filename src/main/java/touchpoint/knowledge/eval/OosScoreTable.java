package touchpoint.knowledge.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares out-of-scope scores (higher = more likely in scope) on the evaluated questions, independent of any one
 * threshold: AUROC of in-scope against off-topic questions, and the off-topic recall and precision at the cut that
 * makes a fixed share of in-scope questions fall back. Scores are also combined by averaging their ranks over the
 * evaluated questions, which needs no labels and no weights, so a combination gains only from evidence the scores
 * do not share.
 */
final class OosScoreTable {

    static final double IN_SCOPE_FALLBACK_RATE = 0.02;

    private final List<String> names;
    private final List<double[]> rows = new ArrayList<>();
    private final List<Boolean> outOfScope = new ArrayList<>();

    OosScoreTable(List<String> names) {
        this.names = List.copyOf(names);
    }

    void add(boolean oos, double[] scores) {
        rows.add(scores.clone());
        outOfScope.add(oos);
    }

    /** One separability measure of a score: AUROC, and recall / precision at the fixed in-scope fallback rate. */
    record Row(String score, double auroc, double recall, double precision) {
    }

    List<Row> rows() {
        List<Row> out = new ArrayList<>();
        int n = rows.size();
        double[][] ranks = new double[names.size()][];
        for (int s = 0; s < names.size(); s++) {
            double[] v = column(s);
            ranks[s] = normalisedRanks(v);
            out.add(measure(names.get(s), v));
        }
        for (int[] combo : combinations()) {
            double[] v = new double[n];
            StringBuilder label = new StringBuilder();
            for (int s : combo) {
                for (int i = 0; i < n; i++) {
                    v[i] += ranks[s][i] / combo.length;
                }
                label.append(label.length() == 0 ? "" : " + ").append(names.get(s));
            }
            out.add(measure("rank mean: " + label, v));
        }
        return out;
    }

    /** A markdown table of {@link #rows}. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        long oos = outOfScope.stream().filter(b -> b).count();
        out.append(String.format(Locale.ROOT, "%d in-scope, %d off-topic questions; cut at %.0f %% in-scope fallbacks%n",
                rows.size() - oos, oos, IN_SCOPE_FALLBACK_RATE * 100));
        out.append("| score | AUROC | OOS recall | OOS precision |\n|---|---|---|---|\n");
        for (Row r : rows()) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", r.score(), r.auroc(), r.recall(),
                    r.precision()));
        }
        return out.toString();
    }

    private List<int[]> combinations() {
        int nearest = names.indexOf("nearest phrasing cosine");
        List<int[]> combos = new ArrayList<>();
        if (nearest < 0) {
            return combos;
        }
        for (int s = 0; s < names.size(); s++) {
            if (s != nearest && !names.get(s).startsWith("engine")) {
                combos.add(new int[] {nearest, s});
            }
        }
        int relative = names.indexOf("relative Mahalanobis");
        int energy = names.indexOf("head energy");
        int centroid = names.indexOf("nearest centroid cosine");
        if (relative >= 0 && energy >= 0 && centroid >= 0) {
            combos.add(new int[] {nearest, relative, energy});
            combos.add(new int[] {nearest, centroid, relative, energy});
        }
        return combos;
    }

    private double[] column(int s) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[s];
        }
        return v;
    }

    private Row measure(String name, double[] v) {
        List<Double> in = new ArrayList<>();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            (outOfScope.get(i) ? out : in).add(v[i]);
        }
        double[] sortedIn = in.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sortedIn.length == 0 || out.isEmpty()) {
            return new Row(name, Double.NaN, Double.NaN, Double.NaN);
        }
        double cut = sortedIn[(int) Math.floor(IN_SCOPE_FALLBACK_RATE * sortedIn.length)];
        int oosBelow = (int) out.stream().filter(x -> x < cut).count();
        int inBelow = (int) in.stream().filter(x -> x < cut).count();
        return new Row(name, auroc(v), oosBelow / (double) out.size(),
                oosBelow + inBelow == 0 ? Double.NaN : oosBelow / (double) (oosBelow + inBelow));
    }

    /** Probability that an in-scope question scores above an off-topic one (ties count half; Mann-Whitney). */
    private double auroc(double[] v) {
        double[] ranks = ranks(v);
        double inRankSum = 0;
        long in = 0;
        for (int i = 0; i < v.length; i++) {
            if (!outOfScope.get(i)) {
                inRankSum += ranks[i];
                in++;
            }
        }
        long out = v.length - in;
        return (inRankSum - in * (in + 1) / 2.0) / (in * (double) out);
    }

    private static double[] normalisedRanks(double[] v) {
        double[] r = ranks(v);
        for (int i = 0; i < r.length; i++) {
            r[i] /= r.length;
        }
        return r;
    }

    /** 1-based ranks, ties sharing their mean rank. */
    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }
}
