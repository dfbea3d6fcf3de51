package touchpoint.chat;

import touchpoint.infra.Unauthenticated;

/** Reads a customer's conversation token from an {@code Authorization: Bearer} header. */
final class BearerToken {

    private BearerToken() {
    }

    static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw new Unauthenticated("Send the conversation token as Authorization: Bearer <token>");
        }
        return authorization.substring(7).trim();
    }
}
