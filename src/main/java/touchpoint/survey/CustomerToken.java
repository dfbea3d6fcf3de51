package touchpoint.survey;

import touchpoint.chat.ConversationNotFound;
import touchpoint.infra.Unauthenticated;

/**
 * Reads the customer's conversation token from {@code Authorization: Bearer}, exactly like the chat API
 * (whose reader is package-private there; four lines are cheaper than widening chat's surface).
 */
final class CustomerToken {

    private CustomerToken() {
    }

    static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw new Unauthenticated("Send the conversation token as Authorization: Bearer <token>");
        }
        return authorization.substring(7).trim();
    }

    static ConversationNotFound notFound() {
        return ConversationNotFound.forToken();
    }
}
