package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the host site's signature over a user id: {@code userHash = hex(HMAC-SHA256(secret, userId))}, the scheme
 * Intercom and Crisp use, so site owners sign on their server with one line of any language.
 */
@Singleton
class IdentityVerification {

    /** Why a claim was not trusted; logged, never shown to the customer. */
    enum Outcome { VERIFIED, NO_SECRET_CONFIGURED, MISSING_USER_ID, MISSING_HASH, WRONG_HASH }

    private final byte[] secret;

    IdentityVerification(IdentityConfig config) {
        this.secret = config.secret() == null || config.secret().isBlank() ? null
                : config.secret().getBytes(StandardCharsets.UTF_8);
    }

    Outcome check(@Nullable String userId, @Nullable String userHash) {
        if (userId == null || userId.isBlank()) {
            return Outcome.MISSING_USER_ID;
        }
        if (userHash == null || userHash.isBlank()) {
            return Outcome.MISSING_HASH;
        }
        if (secret == null) {
            return Outcome.NO_SECRET_CONFIGURED;
        }
        byte[] expected = sign(secret, userId).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = userHash.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        // Constant time: how long the comparison takes must not tell how much of a forged hash was right.
        return MessageDigest.isEqual(expected, presented) ? Outcome.VERIFIED : Outcome.WRONG_HASH;
    }

    Optional<Identity> verified(@Nullable String userId, @Nullable String userHash) {
        return check(userId, userHash) == Outcome.VERIFIED ? Optional.of(Identity.siteUser(userId)) : Optional.empty();
    }

    /** The signature a site computes; public so docs and tests sign the same way. */
    static String sign(byte[] secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
