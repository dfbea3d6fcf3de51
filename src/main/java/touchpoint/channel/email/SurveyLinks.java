package touchpoint.channel.email;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import touchpoint.infra.InstanceSecrets;

/**
 * The one-click survey scale in a mail: one link per score, each naming the conversation, the question and the score,
 * with an expiry, signed with HMAC-SHA256 under a key the service generates for itself (kept in the database, so every
 * instance checks the same signatures). Nothing in a link is secret; the signature only makes it unforgeable.
 */
@Singleton
class SurveyLinks {

    static final String PATH = "/email/survey/";
    private static final String KEY_NAME = "email-survey-links";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a valid link says. */
    record Answer(String conversationId, String questionId, int score, Instant expires) {
    }

    private final InstanceSecrets secrets;
    private final EmailConfig config;
    private final Clock clock;
    private volatile byte[] key;

    SurveyLinks(InstanceSecrets secrets, EmailConfig config, Clock clock) {
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** The link for one score; empty when no public URL is configured to point it at. */
    Optional<String> link(String conversationId, String questionId, int score) {
        String base = config.publicUrl();
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(config.surveyLinkTtl()).getEpochSecond();
        String payload = B64.encodeToString(String.join("|", "1", conversationId, questionId, String.valueOf(score),
                String.valueOf(expires)).getBytes(StandardCharsets.UTF_8));
        return Optional.of(base.replaceAll("/+$", "") + PATH + payload + "." + B64.encodeToString(sign(payload)));
    }

    /** The answer a token carries; empty when it is forged, altered, malformed or expired. */
    Optional<Answer> verify(@Nullable String token) {
        if (token == null || token.length() > 600) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(payload), B64D.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(B64D.decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5 || !parts[0].equals("1")) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Answer(parts[1], parts[2], Integer.parseInt(parts[3]), expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The key is found or made at start rather than on first use: otherwise the first request to the link endpoint,
     * a forged link as likely as a real one, would be what writes it.
     */
    @EventListener
    void onStartup(StartupEvent event) {
        key();
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.key(KEY_NAME, 32);
            key = k;
        }
        return k;
    }
}
