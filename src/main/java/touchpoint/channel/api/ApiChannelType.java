package touchpoint.channel.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelFields;
import touchpoint.channel.ChannelSecrets;
import touchpoint.channel.ChannelSetup;
import touchpoint.channel.ChannelType;
import touchpoint.channel.Delivery;
import touchpoint.channel.Outbound;
import touchpoint.chat.Author;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.InvalidRequest;

/**
 * The API channel: another touchpoint (a mobile app, an IVR, a bridge to a messaging platform) sends customer messages
 * with its API key and gets the conversation's events back as Standard Webhooks, signed with the channel's secret.
 */
@Singleton
class ApiChannelType implements ChannelType {

    static final String TYPE = "api";
    static final String API_KEY = "apiKey";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String WEBHOOK_URL = "webhookUrl";
    static final String MESSAGE_CREATED = "message.created";
    static final String STATE_CHANGED = "conversation.state_changed";
    static final String HANDOFF_REQUESTED = "handoff.requested";
    static final String SURVEY_ANSWERED = "survey.answered";
    /** The spec allows 24 to 64 bytes; 32 is HMAC-SHA256's own key size. */
    private static final int SECRET_BYTES = 32;
    private static final int API_KEY_BYTES = 32;

    private final WebhookTargets targets;
    private final ChannelSecrets secrets;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhooksConfig config;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http;
    private final Map<String, Map.Entry<Instant, String>> signingSecrets = new ConcurrentHashMap<>();

    ApiChannelType(WebhookTargets targets, ChannelSecrets secrets, JsonMapper json, Clock clock, WebhooksConfig config) {
        this.targets = targets;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        this.config = config;
        // Redirects are not followed: a public URL answering 307 to an internal one would get round the guard.
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secretNames() {
        return List.of(API_KEY, WEBHOOK_SECRET);
    }

    @Override
    public void configure(ChannelFields fields, ChannelSetup setup) {
        URI url = fields.httpUrl(WEBHOOK_URL);
        targets.refusal(url).filter(r -> !r.endsWith("does not resolve")).ifPresent(r -> {
            throw new InvalidRequest(WEBHOOK_URL, "is refused: " + r);
        });
        setup.setting(WEBHOOK_URL, url.toString());
        boolean rotate = fields.bool("rotateSecrets").orElse(false);
        if (fields.creating() || rotate) {
            setup.generatedKey(API_KEY, "tpk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(API_KEY_BYTES)));
            setup.generatedSecret(WEBHOOK_SECRET, WebhookSignature.PREFIX + Base64.getEncoder().encodeToString(bytes(SECRET_BYTES)));
        }
    }

    @Override
    public List<String> deliveries(Outbound outbound) {
        TranscriptEvent e = outbound.event();
        List<String> topics = new ArrayList<>();
        if (e.author() != Author.CUSTOMER && e.text() != null && !e.text().isBlank()) {
            topics.add(MESSAGE_CREATED);
        }
        if (e.is(EventType.HANDOFF_REQUESTED)) {
            topics.add(HANDOFF_REQUESTED);
        }
        if (outbound.statusChanged()) {
            topics.add(STATE_CHANGED);
        }
        if (e.is(EventType.SURVEY_ANSWERED)) {
            topics.add(SURVEY_ANSWERED);
        }
        return topics;
    }

    @Override
    public void deliver(Delivery d) throws IOException, InterruptedException {
        Channel channel = d.channel();
        URI url = URI.create(channel.setting(WEBHOOK_URL).orElseThrow(() -> new IllegalStateException("no webhook URL")));
        String refusal = targets.refusal(url).orElse(null);
        if (refusal != null) {
            throw new IOException("refused: " + refusal);
        }
        String secret = signingSecret(channel);
        String body = body(d);
        String id = "msg_" + d.id();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Touchpoint-Webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new IOException("the endpoint answered HTTP " + response.statusCode());
        }
    }

    /**
     * The channel's secret, decrypted once per version of the channel (a rotation changes {@code updatedAt}) rather than
     * read and decrypted for every delivery.
     */
    private String signingSecret(Channel channel) {
        Map.Entry<Instant, String> cached = signingSecrets.get(channel.id());
        if (cached != null && cached.getKey().equals(channel.updatedAt())) {
            return cached.getValue();
        }
        String secret = secrets.reveal(channel, WEBHOOK_SECRET).orElseThrow(() -> new IllegalStateException("no webhook secret"));
        signingSecrets.put(channel.id(), Map.entry(channel.updatedAt(), secret));
        return secret;
    }

    /** {@code {"type", "timestamp", "data"}}, the body the specification describes. */
    String body(Delivery d) throws IOException {
        TranscriptEvent e = d.event();
        String conversationId = d.thread().conversationId();
        String external = d.thread().externalKey();
        Object data = switch (d.topic()) {
            case MESSAGE_CREATED -> new WebhookData.MessageCreated(conversationId, external, d.thread().contact(), e);
            case STATE_CHANGED -> new WebhookData.StateChanged(conversationId, external, d.thread().contact(), d.status().name(),
                    e.type().name(), e.seq());
            case HANDOFF_REQUESTED -> {
                EventData.HandoffRequested h = e.data(EventData.HandoffRequested.class).orElse(new EventData.HandoffRequested(null, null));
                yield new WebhookData.HandoffRequested(conversationId, external, d.thread().contact(), h.reason(), h.team(), e.seq());
            }
            case SURVEY_ANSWERED -> {
                EventData.SurveyAnswered s = e.data(EventData.SurveyAnswered.class)
                        .orElseThrow(() -> new IllegalStateException("a survey answer without its data"));
                yield new WebhookData.SurveyAnswered(conversationId, external, d.thread().contact(), s.questionId(), s.type(),
                        s.score(), s.comment(), s.via(), e.seq());
            }
            default -> throw new IllegalStateException("unknown webhook type " + d.topic());
        };
        return "{\"type\":" + json.writeValueAsString(d.topic()) + ",\"timestamp\":" + json.writeValueAsString(timestamp(e.createdAt()))
                + ",\"data\":" + json.writeValueAsString(data) + "}";
    }

    private static String timestamp(Instant at) {
        return at.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
