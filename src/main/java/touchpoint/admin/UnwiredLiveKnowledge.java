package touchpoint.admin;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.knowledge.Decision;

/**
 * Stands in until the knowledge engine implements {@link LiveKnowledge} (any other bean wins over this one),
 * so the editor, revisions and publishing work on their own; only "test a question" needs the engine.
 */
@Singleton
@Secondary
class UnwiredLiveKnowledge implements LiveKnowledge {

    private static final Logger LOG = LoggerFactory.getLogger(UnwiredLiveKnowledge.class);

    @Override
    public void load(List<FaqDocument> published) {
        LOG.warn("No knowledge engine is wired to the admin feature; {} published FAQs are not served", published.size());
    }

    @Override
    public void publish(List<FaqDocument> published) {
        LOG.warn("No knowledge engine is wired to the admin feature; publish of {} not served",
                published.stream().map(FaqDocument::id).toList());
    }

    @Override
    public void withdraw(List<String> faqIds) {
        LOG.warn("No knowledge engine is wired to the admin feature; withdraw of {} ignored", faqIds);
    }

    @Override
    public Decision test(String text, List<FaqDocument> faqs) {
        throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No knowledge engine is wired to test questions against");
    }
}
