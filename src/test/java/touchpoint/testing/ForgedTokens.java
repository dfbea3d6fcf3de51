package touchpoint.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an HS256 JWT claiming ADMIN with any key, the way someone who guessed or read the signing secret would.
 * Built by hand so keys of any length can be tried (the JOSE library refuses keys shorter than 256 bits).
 */
public final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    private static String adminClaims() {
        long now = System.currentTimeMillis() / 1000;
        return B64.encodeToString(("{\"sub\":\"admin\",\"roles\":[\"ADMIN\",\"AGENT\"],\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
    }

    public static String admin(String key) {
        return admin(key.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code alg: none}: accepted by Micronaut whenever no signature is configured at all. */
    public static String unsignedAdmin() {
        return B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + adminClaims() + ".";
    }

    public static String admin(byte[] key) {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = adminClaims();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signature = B64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
            return header + "." + claims + "." + signature;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
