package touchpoint.admin;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;

/**
 * "Test a question": what the bot would decide with the drafts published, next to what it decides now.
 * The live side asks the knowledge base customers are served from (free: no index to build); without one,
 * it tries the published set through {@link LiveKnowledge#test} like the draft side.
 */
@Singleton
class QuestionTester {

    private final FaqStore store;
    private final LiveKnowledge engine;
    private final BeanProvider<KnowledgeBase> served;

    QuestionTester(FaqStore store, LiveKnowledge engine, BeanProvider<KnowledgeBase> served) {
        this.store = store;
        this.engine = engine;
        this.served = served;
    }

    AdminApi.TestResponse test(String text, @Nullable String faqId) {
        List<FaqDocument> live = store.published();
        Map<String, FaqDocument> draft = new LinkedHashMap<>();
        live.forEach(d -> draft.put(d.id(), d));
        if (faqId != null) {
            FaqStore.FaqState state = store.find(faqId).filter(s -> !s.row().deleted()).orElseThrow(() -> FaqStore.notFound(faqId));
            draft.put(faqId, state.head());
        } else {
            store.all().stream().filter(s -> !s.row().deleted()).forEach(s -> draft.put(s.head().id(), s.head()));
        }
        Decision draftDecision = engine.test(text, List.copyOf(draft.values()));
        Decision liveDecision = served.isPresent() ? served.get().decide(Question.of(text)) : engine.test(text, live);
        return new AdminApi.TestResponse(text, faqId, verdict(draftDecision), verdict(liveDecision));
    }

    private static AdminApi.Verdict verdict(Decision d) {
        return new AdminApi.Verdict(d.outcome().name().toLowerCase(Locale.ROOT), d.text(), d.html(),
                d.candidates().stream().map(c -> new AdminApi.Scored(c.faqId(), c.title(), c.confidence())).toList(),
                d.citedFaqIds());
    }
}
