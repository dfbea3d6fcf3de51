package touchpoint.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.channel.SpecVerifier;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void should_sign_as_the_reference_library_signs() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"type\":\"message.created\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}";

        String ours = WebhookSignature.sign(SECRET, "msg_1", now, body);

        assertThat(ours).isEqualTo(new Webhook(SECRET).sign("msg_1", now, body));
        new Webhook(SECRET).verify(body, headers("msg_1", now, ours));
        assertThat(SpecVerifier.verify(SECRET, "msg_1", Long.toString(now), ours, body, now)).isTrue();
    }

    @Test
    void should_be_refused_by_the_reference_library_when_body_id_or_secret_differ() {
        long now = System.currentTimeMillis() / 1000;
        String signature = WebhookSignature.sign(SECRET, "msg_1", now, "{}");

        assertThatThrownBy(() -> new Webhook(SECRET).verify("{ }", headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(SECRET).verify("{}", headers("msg_2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .verify("{}", headers("msg_1", now, signature))).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void should_be_refused_when_replayed_outside_the_timestamp_tolerance() {
        long old = System.currentTimeMillis() / 1000 - 3600;
        String signature = WebhookSignature.sign(SECRET, "msg_1", old, "{}");

        assertThatThrownBy(() -> new Webhook(SECRET).verify("{}", headers("msg_1", old, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(SpecVerifier.verify(SECRET, "msg_1", Long.toString(old), signature, "{}", System.currentTimeMillis() / 1000)).isFalse();
    }

    private static HttpHeaders headers(String id, long timestamp, String signature) {
        return HttpHeaders.of(Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature)), (a, b) -> true);
    }
}
