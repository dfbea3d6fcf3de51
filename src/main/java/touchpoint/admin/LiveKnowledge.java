package touchpoint.admin;

import java.util.List;
import touchpoint.knowledge.Decision;

/**
 * The port through which the admin feature drives the knowledge engine. The database is the truth; this port
 * only tells the engine of <em>this</em> instance what to serve. Every instance calls it for every change
 * (after a {@code knowledge} announcement on the {@code LiveBus}), so implementations must be idempotent.
 *
 * <p>Implementation on {@code KnowledgeEngine} (one adapter bean, at merge):
 * <ul>
 *   <li>{@link #load} → {@code engine.rebuild(faqs mapped to Faq)}</li>
 *   <li>{@link #publish} → {@code engine.upsert(faq)} per document (embeddings are cached by text, so only
 *       changed phrasings are re-embedded)</li>
 *   <li>{@link #withdraw} → {@code engine.remove(id)}</li>
 *   <li>{@link #test} → a throw-away {@code KnowledgeEngine.standalone(config)} sharing the live embedder,
 *       {@code rebuild(faqs)}, then {@code decide(Question.of(text))}; it must not touch what customers get.</li>
 * </ul>
 * Mapping {@link FaqDocument} → {@code Faq}: {@code new Faq(id, title, questions, tags, team, locale, body)}.
 */
public interface LiveKnowledge {

    /** Serve exactly these FAQs, replacing whatever was served (startup, resync). */
    void load(List<FaqDocument> published);

    /** Serve these FAQs, replacing any served FAQ with the same id; others stay as they are. */
    void publish(List<FaqDocument> published);

    /** Stop serving these FAQs (deleted); unknown ids are ignored. */
    void withdraw(List<String> faqIds);

    /**
     * What the bot would decide for {@code text} if exactly {@code faqs} were live. Used by "test a question"
     * to try drafts; must leave the served knowledge base untouched.
     */
    Decision test(String text, List<FaqDocument> faqs);

    /** Learn from exactly these "not ours" examples, replacing the ones before (startup, every change, resync). */
    void notOurs(List<String> examples);
}
