package touchpoint.admin;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import touchpoint.knowledge.Candidate;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;

/**
 * Stands in for the knowledge engine on both seams: admin drives it through {@link LiveKnowledge}, the chat
 * core asks it through {@link KnowledgeBase}, so a test can publish an FAQ and then see a customer answered
 * by it. Ranking is word overlap with the title and phrasings: crude, but deterministic.
 */
@Singleton
@io.micronaut.context.annotation.Primary
@Requires(property = "touchpoint.test.fake-knowledge", value = "true")
public class FakeKnowledge implements LiveKnowledge, KnowledgeBase {

    private final Map<String, FaqDocument> served = new LinkedHashMap<>();
    /** Every port call, e.g. {@code load:3}, {@code publish:returns@2}, {@code withdraw:returns}. */
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void load(List<FaqDocument> published) {
        served.clear();
        published.forEach(d -> served.put(d.id(), d));
        calls.add("load:" + published.size());
    }

    @Override
    public synchronized void publish(List<FaqDocument> published) {
        published.forEach(d -> {
            served.put(d.id(), d);
            calls.add("publish:" + d.id() + "@" + d.revision());
        });
    }

    /** The "not ours" examples last given. */
    volatile List<String> notOurs = List.of();

    @Override
    public void notOurs(List<String> examples) {
        notOurs = List.copyOf(examples);
        calls.add("notOurs:" + examples.size());
    }

    @Override
    public synchronized void withdraw(List<String> faqIds) {
        faqIds.forEach(id -> {
            served.remove(id);
            calls.add("withdraw:" + id);
        });
    }

    @Override
    public Decision test(String text, List<FaqDocument> faqs) {
        return decide(text, faqs, Set.of());
    }

    synchronized Optional<FaqDocument> served(String id) {
        return Optional.ofNullable(served.get(id));
    }

    @Override
    public synchronized Decision decide(Question question) {
        return decide(question.text(), List.copyOf(served.values()), question.excludeFaqIds());
    }

    @Override
    public synchronized Optional<FaqView> faq(String id) {
        return Optional.ofNullable(served.get(id)).map(FakeKnowledge::view);
    }

    @Override
    public synchronized List<FaqView> all() {
        return served.values().stream().map(FakeKnowledge::view).toList();
    }

    private static Decision decide(String text, List<FaqDocument> faqs, Set<String> exclude) {
        Set<String> words = words(text);
        List<Candidate> ranked = new ArrayList<>();
        for (FaqDocument f : faqs) {
            if (exclude.contains(f.id())) {
                continue;
            }
            double best = 0;
            for (String phrasing : f.questions()) {
                best = Math.max(best, overlap(words, words(phrasing)));
            }
            best = Math.max(best, overlap(words, words(f.title())));
            if (best > 0) {
                ranked.add(new Candidate(f.id(), f.title(), best));
            }
        }
        ranked.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
        if (ranked.isEmpty() || ranked.get(0).confidence() < 0.5) {
            return new Decision(Decision.Outcome.FALLBACK, "I don't have an answer for that.", "<p>I don't have an answer for that.</p>", ranked, List.of());
        }
        if (ranked.size() > 1 && ranked.get(0).confidence() - ranked.get(1).confidence() < 0.05) {
            return new Decision(Decision.Outcome.CLARIFY, "Did you mean one of these?", "<p>Did you mean one of these?</p>", ranked.subList(0, 2), List.of());
        }
        FaqDocument top = faqs.stream().filter(f -> f.id().equals(ranked.get(0).faqId())).findFirst().orElseThrow();
        return new Decision(Decision.Outcome.ANSWER, top.body(), "<p>" + top.body() + "</p>", ranked, List.of(top.id()));
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / Math.max(a.size(), b.size());
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() > 2).collect(Collectors.toSet());
    }

    private static FaqView view(FaqDocument d) {
        return new FaqView(d.id(), d.title(), d.questions(), d.tags(), d.team(), d.locale(), d.body(), "<p>" + d.body() + "</p>");
    }
}
