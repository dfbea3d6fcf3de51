package touchpoint.channel.api;

import touchpoint.infra.Unauthenticated;

/** Reads an API channel's key from an {@code Authorization: Bearer} header. */
final class ApiKeys {

    private ApiKeys() {
    }

    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw new Unauthenticated("Send the channel's API key as Authorization: Bearer <key>");
        }
        return authorization.substring(7).trim();
    }
}
