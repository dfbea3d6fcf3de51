package touchpoint.knowledge;

import java.util.List;

/**
 * The FAQs the engine serves, for the feature that owns the content: replaced whole or one at a time, and a
 * trial decision against drafts that serves nothing.
 */
public interface FaqIndex {

    List<Faq> faqs();

    void rebuild(List<Faq> faqs);

    void upsert(Faq faq);

    boolean remove(String id);

    Decision decideWith(List<Faq> faqs, Question question);

    /**
     * Replaces the knowledge base's "not ours" examples: questions it does not answer. They can only add fallbacks
     * to the calibrated threshold (a question nearer to an example than to every FAQ phrasing, by a margin
     * calibrated on the FAQs' own phrasings), never remove one; an empty list leaves the threshold alone.
     */
    void notOurs(List<String> examples);
}
