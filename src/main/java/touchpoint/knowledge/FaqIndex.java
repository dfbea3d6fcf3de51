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
}
