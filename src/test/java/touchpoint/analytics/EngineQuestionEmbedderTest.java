package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import touchpoint.knowledge.KnowledgeConfig;
import touchpoint.knowledge.KnowledgeEngine;

/** The default embedder uses the engine's model and ranks a paraphrase above an unrelated question. */
class EngineQuestionEmbedderTest {

    @Test
    void should_place_paraphrases_closer_than_unrelated_questions_and_around_the_default_threshold() {
        EngineQuestionEmbedder embedder = new EngineQuestionEmbedder(KnowledgeEngine.standalone(KnowledgeConfig.defaults()));
        float[] parcel = embedder.embed("where is my parcel");
        float[] order = embedder.embed("my parcel has not arrived yet, where is it");
        float[] gift = embedder.embed("do you sell gift cards");

        double paraphrase = Clusters.cosine(parcel, order);
        double unrelated = Clusters.cosine(parcel, gift);
        System.out.printf("bge cosine paraphrase=%.3f unrelated=%.3f%n", paraphrase, unrelated);

        assertThat(parcel).hasSize(384);
        assertThat(paraphrase).isGreaterThan(unrelated + 0.1);
        double threshold = new AnalyticsConfig(30, 0.82, 0.80, 5, 100, java.time.Duration.ofSeconds(1)).gapSimilarity();
        assertThat(paraphrase).isGreaterThanOrEqualTo(threshold);
        assertThat(unrelated).isLessThan(threshold);
    }
}
