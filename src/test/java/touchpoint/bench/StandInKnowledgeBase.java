package touchpoint.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import touchpoint.knowledge.Candidate;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;

/**
 * Used by the load bench only while the service has no knowledge engine of its own: the same work per
 * question as the engine's hot path — one embedding with the bundled BGE model (cached by text) and a
 * nearest-phrasing search over the FAQs — so latency and throughput are measured against the real physical
 * limit. Once the engine is on the classpath the bench uses it instead and this class is never created.
 */
@Singleton
@Replaces(KnowledgeBase.class)
@Requires(property = "touchpoint.bench.stand-in-knowledge", value = "true")
public class StandInKnowledgeBase implements KnowledgeBase {

    private final EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
    private final Map<String, FaqView> faqs = new LinkedHashMap<>();
    private final List<String> phrasingFaq = new ArrayList<>();
    private final List<float[]> phrasingVectors = new ArrayList<>();
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public StandInKnowledgeBase() {
        for (FaqPhrasings.Faq faq : FaqPhrasings.load(Path.of("faq-content")).faqs()) {
            String html = "<p>" + faq.body().replace("&", "&amp;").replace("<", "&lt;") + "</p>";
            faqs.put(faq.id(), new FaqView(faq.id(), faq.title(), faq.questions(), List.of(), "support", "en", faq.body(), html));
            for (String q : faq.questions()) {
                phrasingFaq.add(faq.id());
                phrasingVectors.add(embed(q));
            }
        }
    }

    private float[] embed(String text) {
        return cache.computeIfAbsent(text.strip(), t -> model.embed(t.isEmpty() ? "?" : t).content().vector());
    }

    @Override
    public Decision decide(Question question) {
        float[] q = embed(question.text());
        Map<String, Double> best = new LinkedHashMap<>();
        for (int i = 0; i < phrasingVectors.size(); i++) {
            String id = phrasingFaq.get(i);
            if (question.excludeFaqIds().contains(id)) {
                continue;
            }
            double score = dot(q, phrasingVectors.get(i));
            best.merge(id, score, Math::max);
        }
        List<Candidate> ranked = best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(e -> new Candidate(e.getKey(), faqs.get(e.getKey()).title(), e.getValue()))
                .toList();
        if (ranked.isEmpty() || ranked.get(0).confidence() < 0.75) {
            return new Decision(Decision.Outcome.FALLBACK, "I don't have an answer for that.", "<p>I don't have an answer for that.</p>", ranked, List.of());
        }
        if (ranked.size() > 1 && ranked.get(0).confidence() - ranked.get(1).confidence() < 0.01) {
            return new Decision(Decision.Outcome.CLARIFY, "Did you mean one of these?", "<p>Did you mean one of these?</p>", ranked.subList(0, 2), List.of());
        }
        FaqView top = faqs.get(ranked.get(0).faqId());
        return new Decision(Decision.Outcome.ANSWER, top.bodyMarkdown(), top.bodyHtml(), ranked, List.of(top.id()));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public Optional<FaqView> faq(String id) {
        return Optional.ofNullable(faqs.get(id));
    }

    @Override
    public List<FaqView> all() {
        return List.copyOf(faqs.values());
    }
}
