package touchpoint.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EncoderTest {

    private static final List<String> QUESTIONS = List.of("hi", "my card payment was declined",
            "How do I top up my card with a bank transfer from another account?", "can I get a refund");

    @Test
    void should_give_the_same_vector_whether_a_question_runs_alone_or_beside_others() throws Exception {
        Encoder encoder = OnnxModels.miniLm();
        List<float[]> alone = QUESTIONS.stream().map(encoder::embed).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> together = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (String q : QUESTIONS) {
                    together.add(pool.submit(() -> encoder.embed(q)));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).containsExactly(alone.get(i % QUESTIONS.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_embed_a_batch_like_single_questions() {
        Encoder encoder = OnnxModels.miniLm();

        List<float[]> batch = encoder.embedAll(QUESTIONS);

        for (int i = 0; i < QUESTIONS.size(); i++) {
            assertThat(batch.get(i)).containsExactly(encoder.embed(QUESTIONS.get(i)));
        }
    }
}
