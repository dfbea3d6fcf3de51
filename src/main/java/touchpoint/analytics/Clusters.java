package touchpoint.analytics;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups texts by meaning with greedy leader clustering:
 * <ol>
 * <li>take the items in a fixed order (oldest first);</li>
 * <li>each item joins the existing cluster whose centroid is most similar (cosine), if that similarity reaches the
 *     threshold; otherwise it starts a new cluster and becomes its seed;</li>
 * <li>a cluster's centroid is the normalised sum of its members' normalised vectors, updated as members join.</li>
 * </ol>
 * One pass, O(items × clusters), no cluster count to choose, and the threshold reads directly as "how alike two
 * questions must be". Because the oldest item seeds each cluster and new data arrives later, a cluster keeps its
 * seed — and so its id — as the data grows.
 */
@Singleton
class Clusters {

    private final QuestionEmbedder embedder;
    private final Map<String, float[]> cache;
    private final int cacheSize;

    Clusters(QuestionEmbedder embedder, AnalyticsConfig config) {
        this.embedder = embedder;
        this.cacheSize = config.embeddingCacheSize();
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /** Drops every cached embedding: the cache is keyed by question text, which an erasure must not leave behind. */
    void forgetAll() {
        cache.clear();
    }

    record Cluster<T>(T seed, List<T> members, float[] centroid) {
        /** The member closest to the centroid: the most typical wording, used as the topic's label. */
        T representative(Function<T, float[]> vectors) {
            T best = seed;
            double bestSim = -2;
            for (T m : members) {
                double s = cosine(vectors.apply(m), centroid);
                if (s > bestSim) {
                    bestSim = s;
                    best = m;
                }
            }
            return best;
        }
    }

    <T> List<Cluster<T>> greedy(List<T> items, Function<T, String> text, double threshold) {
        List<Cluster<T>> clusters = new ArrayList<>();
        List<float[]> sums = new ArrayList<>();
        for (T item : items) {
            float[] v = vector(text.apply(item));
            int best = -1;
            double bestSim = -2;
            for (int i = 0; i < clusters.size(); i++) {
                double s = cosine(v, clusters.get(i).centroid());
                if (s > bestSim) {
                    bestSim = s;
                    best = i;
                }
            }
            if (best >= 0 && bestSim >= threshold) {
                Cluster<T> c = clusters.get(best);
                c.members().add(item);
                float[] sum = sums.get(best);
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += v[d];
                }
                System.arraycopy(normalised(sum), 0, c.centroid(), 0, sum.length);
            } else {
                List<T> members = new ArrayList<>();
                members.add(item);
                clusters.add(new Cluster<>(item, members, v.clone()));
                sums.add(v.clone());
            }
        }
        clusters.sort((a, b) -> Integer.compare(b.members().size(), a.members().size()));
        return clusters;
    }

    /** Normalised embedding of a text, cached: dashboards re-cluster the same questions on every load. */
    float[] vector(String text) {
        String key = text.strip().toLowerCase(java.util.Locale.ROOT);
        float[] cached = cache.get(key);
        if (cached == null) {
            cached = normalised(embedder.embed(key));
            cache.put(key, cached);
        }
        return cached;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    static float[] normalised(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = v.clone();
        if (n > 0) {
            double len = Math.sqrt(n);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] / len);
            }
        }
        return out;
    }
}
