package touchpoint.infra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtSecretPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "change-me-embedded-default-secret-at-least-256-bits-long",
            "replace-with-a-long-random-secret-of-at-least-32-bytes",
            "CHANGE-ME-this-is-long-enough-to-pass-the-length-test",
            "please-changeme-0123456789abcdefghijklmnopqrstuvwxyz",
            "an-example-secret-0123456789abcdefghijklmnopqrstuvwxyz"})
    void should_refuse_placeholder_secrets(String secret) {
        assertThatThrownBy(() -> JwtSecretPolicy.check(secret))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOUCHPOINT_JWT_SECRET")
                .hasMessageContaining("placeholder");
    }

    @Test
    void should_refuse_secrets_shorter_than_32_bytes() {
        assertThatThrownBy(() -> JwtSecretPolicy.check("k3Y!x9#pQ2vL8mZ4rT6wB1nD5sF0hJ7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("31 bytes");
    }

    @Test
    void should_refuse_a_repeated_pattern() {
        assertThatThrownBy(() -> JwtSecretPolicy.check("ab".repeat(32)))
                .hasMessageContaining("repeated pattern");
    }

    @Test
    void should_accept_a_random_secret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);

        assertThatCode(() -> JwtSecretPolicy.check(Base64.getEncoder().encodeToString(bytes))).doesNotThrowAnyException();
    }
}
