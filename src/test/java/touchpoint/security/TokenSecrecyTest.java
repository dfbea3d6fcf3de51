package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import touchpoint.infra.Ids;

/** The customer's conversation token is the only key to a conversation: it must be unguessable and never stored. */
class TokenSecrecyTest {

    private final Ids ids = new Ids();

    @Test
    void should_issue_tokens_of_at_least_128_random_bits() {
        Set<String> tokens = new HashSet<>();
        int[] ones = new int[256];
        int n = 2000;
        for (int i = 0; i < n; i++) {
            String token = ids.newToken();
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            assertThat(bytes.length * 8).isGreaterThanOrEqualTo(128);
            for (int bit = 0; bit < Math.min(256, bytes.length * 8); bit++) {
                ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
            tokens.add(token);
        }

        assertThat(tokens).hasSize(n);
        // Every bit position is set about half the time: no constant or counter-like part.
        for (int count : ones) {
            assertThat(count).isBetween(n / 2 - 200, n / 2 + 200);
        }
    }

    @Test
    void should_store_only_a_digest_of_the_token() {
        String token = ids.newToken();

        assertThat(Ids.hash(token)).hasSize(64).doesNotContain(token).isEqualTo(Ids.hash(token));
    }

    @Test
    void should_match_only_the_exact_token() {
        String token = ids.newToken();
        String stored = Ids.hash(token);

        assertThat(Ids.matches(token, stored)).isTrue();
        assertThat(Ids.matches(token.substring(1), stored)).isFalse();
        assertThat(Ids.matches(token + "x", stored)).isFalse();
        assertThat(Ids.matches(token.toUpperCase(), stored)).isFalse();
        assertThat(Ids.matches("", stored)).isFalse();
        assertThat(Ids.matches(null, stored)).isFalse();
        assertThat(Ids.matches(token, null)).isFalse();
    }

    @Test
    void should_compare_in_time_independent_of_how_much_of_a_guess_is_right() {
        // Guesses are hashed first and the fixed-length digests compared with MessageDigest.isEqual, which
        // examines every byte: a guess sharing a long prefix with the token takes no longer than one sharing
        // none. Measured coarsely (medians of many runs) so a busy machine cannot make it flaky.
        String token = ids.newToken();
        String stored = Ids.hash(token);
        String nearMiss = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        String farMiss = "Z".repeat(token.length());
        for (int i = 0; i < 20_000; i++) {
            Ids.matches(nearMiss, stored);
            Ids.matches(farMiss, stored);
        }
        long near = median(nearMiss, stored);
        long far = median(farMiss, stored);

        assertThat((double) Math.max(near, far) / Math.max(1, Math.min(near, far))).isLessThan(3.0);
    }

    private static long median(String guess, String stored) {
        long[] times = new long[2001];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            Ids.matches(guess, stored);
            times[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }
}
