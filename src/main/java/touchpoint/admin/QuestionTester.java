package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import touchpoint.knowledge.Decision;

/**
 * "Test a question": what the bot would decide with the drafts published, next to what it decides now.
 * Both sides go through the same {@link LiveKnowledge#test}, so any difference comes from content alone.
 */
@Singleton
class QuestionTester {

    private final FaqStore store;
    private final LiveKnowledge engine;

    QuestionTester(FaqStore store, LiveKnowledge engine) {
        this.store = store;
        this.engine = engine;
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
        Decision liveDecision = engine.test(text, live);
        return new AdminApi.TestResponse(text, faqId, verdict(draftDecision), verdict(liveDecision));
    }

    private static AdminApi.Verdict verdict(Decision d) {
        return new AdminApi.Verdict(d.outcome().name().toLowerCase(Locale.ROOT), d.text(), d.html(),
                d.candidates().stream().map(c -> new AdminApi.Scored(c.faqId(), c.title(), c.confidence())).toList(),
                d.citedFaqIds());
    }
}
