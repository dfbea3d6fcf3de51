package touchpoint.chat;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** Reads a customer's conversation token from an {@code Authorization: Bearer} header. */
final class BearerToken {

    private BearerToken() {
    }

    static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "Send the conversation token as Authorization: Bearer <token>");
        }
        return authorization.substring(7).trim();
    }
}
