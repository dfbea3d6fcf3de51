package touchpoint.analytics;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * A deterministic bag-of-words embedder for tests: each word adds 1 to a hashed dimension, so cosine similarity
 * is word overlap. Tests assert the clustering, not the language model.
 */
@Singleton
@Replaces(QuestionEmbedder.class)
@Requires(property = "touchpoint.test.word-embedder", value = "true")
class WordEmbedder implements QuestionEmbedder {

    @Override
    public float[] embed(String text) {
        float[] v = new float[512];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), v.length)] += 1;
            }
        }
        return v;
    }
}
