package touchpoint.infra;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Refuses signing secrets that anyone could know or guess. HS256 needs a 256-bit key; a secret copied from a
 * README, a compose file or an old default is as good as none, since whoever reads it can sign an ADMIN token.
 */
final class JwtSecretPolicy {

    static final int MIN_BYTES = 32;

    /** Fragments of the placeholders people paste from templates (and of this project's own former defaults). */
    private static final List<String> PLACEHOLDERS = List.of("change-me", "changeme", "change_me", "replace-with",
            "replace-me", "replace_me", "placeholder", "your-secret", "your_secret", "example", "default-secret",
            "not-a-secret", "secret-here");

    /** Fewer distinct characters than this is a pattern ("aaaa…", "1234…"), not randomness. */
    private static final int MIN_DISTINCT_CHARACTERS = 10;

    private JwtSecretPolicy() {
    }

    /** Throws with a message naming the variable and what to do when {@code secret} must not be used. */
    static void check(String secret) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw refused("is " + bytes + " bytes long; it must be at least " + MIN_BYTES + " random bytes");
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String placeholder : PLACEHOLDERS) {
            if (lower.contains(placeholder)) {
                throw refused("looks like a placeholder (contains \"" + placeholder + "\")");
            }
        }
        if (secret.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw refused("is a repeated pattern, not a random value");
        }
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("TOUCHPOINT_JWT_SECRET " + why + ". Set it to a random value (for example the"
                + " output of `openssl rand -base64 48`), or leave it unset to have one generated on first start and"
                + " kept in the database.");
    }
}
