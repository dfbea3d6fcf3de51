package touchpoint.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentityVerificationTest {

    private static final String SECRET = "site-secret-for-a-unit-test";
    private final IdentityVerification verification = new IdentityVerification(new IdentityConfig(SECRET));

    @Test
    void should_trust_the_hex_hmac_of_the_user_id_in_either_case() {
        String hash = IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), "u-1842");

        assertThat(verification.check("u-1842", hash)).isEqualTo(IdentityVerification.Outcome.VERIFIED);
        assertThat(verification.check("u-1842", hash.toUpperCase())).isEqualTo(IdentityVerification.Outcome.VERIFIED);
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void should_refuse_a_hash_for_another_user_or_another_secret_and_a_missing_hash() {
        String otherUser = IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), "u-1843");
        String otherSecret = IdentityVerification.sign("another-secret".getBytes(StandardCharsets.UTF_8), "u-1842");

        assertThat(verification.check("u-1842", otherUser)).isEqualTo(IdentityVerification.Outcome.WRONG_HASH);
        assertThat(verification.check("u-1842", otherSecret)).isEqualTo(IdentityVerification.Outcome.WRONG_HASH);
        assertThat(verification.check("u-1842", null)).isEqualTo(IdentityVerification.Outcome.MISSING_HASH);
        assertThat(verification.check(null, otherUser)).isEqualTo(IdentityVerification.Outcome.MISSING_USER_ID);
    }

    @Test
    void should_trust_nobody_while_no_secret_is_configured() {
        IdentityVerification unconfigured = new IdentityVerification(new IdentityConfig(null));
        String hashOfEmptyKey = IdentityVerification.sign(new byte[] {0}, "u-1842");

        assertThat(unconfigured.check("u-1842", hashOfEmptyKey)).isEqualTo(IdentityVerification.Outcome.NO_SECRET_CONFIGURED);
        assertThat(unconfigured.verified("u-1842", hashOfEmptyKey)).isEmpty();
    }
}
