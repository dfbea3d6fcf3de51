package touchpoint.workspace;

import java.util.Optional;

/**
 * Where a canned reply's {@code {{customer.name}}} comes from. Conversations carry no name of their own; a feature
 * that knows customers (contacts) provides a bean of this type, and until one does every name is unknown and the
 * template's fallback is used.
 */
public interface CustomerNames {

    Optional<String> nameOf(String conversationId);
}
