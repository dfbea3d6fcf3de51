package touchpoint.admin;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import touchpoint.analytics.PhrasingProposals;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.Faq;
import touchpoint.knowledge.FaqIndex;
import touchpoint.knowledge.LearnedPhrasings;
import touchpoint.knowledge.Question;

/**
 * Serves the database's published FAQs from the knowledge engine. Phrasings that admins approved from agents'
 * conversations are served with their FAQ, so the bot learns them without a new revision ({@link KnowledgeSync}
 * re-serves an FAQ on every instance when its phrasings are decided).
 */
@Singleton
class EngineLiveKnowledge implements LiveKnowledge {

    private final FaqIndex engine;
    private final PhrasingProposals proposals;

    EngineLiveKnowledge(FaqIndex engine, PhrasingProposals proposals) {
        this.engine = engine;
        this.proposals = proposals;
    }

    @Override
    public void load(List<FaqDocument> published) {
        engine.rebuild(toFaqs(published));
    }

    @Override
    public void publish(List<FaqDocument> published) {
        if (published.size() == 1) {
            engine.upsert(toFaqs(published).get(0));
            return;
        }
        // A batch (an import) re-indexes once rather than once per FAQ.
        Map<String, Faq> byId = engine.faqs().stream().collect(Collectors.toMap(Faq::id, Function.identity(), (a, b) -> b,
                java.util.LinkedHashMap::new));
        toFaqs(published).forEach(f -> byId.put(f.id(), f));
        engine.rebuild(List.copyOf(byId.values()));
    }

    @Override
    public void withdraw(List<String> faqIds) {
        faqIds.forEach(engine::remove);
    }

    @Override
    public Decision test(String text, List<FaqDocument> faqs) {
        return engine.decideWith(toFaqs(faqs), Question.of(text));
    }

    @Override
    public void notOurs(List<String> examples) {
        engine.notOurs(examples);
    }

    private List<Faq> toFaqs(List<FaqDocument> documents) {
        List<LearnedPhrasings.Approved> learned = proposals.approvedPhrasings().stream()
                .map(p -> new LearnedPhrasings.Approved(p.faqId(), p.text())).toList();
        return LearnedPhrasings.serve(documents.stream()
                .map(d -> new Faq(d.id(), d.title(), d.questions(), d.tags(), d.team(), d.locale(), d.body()))
                .toList(), learned);
    }
}
