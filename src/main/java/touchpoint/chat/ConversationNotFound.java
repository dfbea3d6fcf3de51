package touchpoint.chat;

import touchpoint.infra.NotFound;

/** No conversation with that id, or (for a customer) none that the presented token opens. */
public class ConversationNotFound extends NotFound {

    public ConversationNotFound() {
        super("No conversation with that id");
    }

    private ConversationNotFound(String message) {
        super(message);
    }

    /** For a customer: the same answer whether the id is unknown or the token wrong, so neither can be probed. */
    public static ConversationNotFound forToken() {
        return new ConversationNotFound("No conversation with that id for this token");
    }
}
