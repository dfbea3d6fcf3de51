package touchpoint.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The one seam the conversation core calls: given what the customer asked, decide whether to answer,
 * ask to clarify or fall back, and word the reply.
 */
public interface KnowledgeBase {

    Decision decide(Question question);

    Optional<FaqView> faq(String id);

    List<FaqView> all();
}
