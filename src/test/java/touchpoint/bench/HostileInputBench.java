package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import touchpoint.channel.telegram.FakeTelegram;
import touchpoint.security.RouteCatalog;
import touchpoint.security.RouteCatalog.Route;

/**
 * The hostile-input suite: at least {@code bench.hostileRequests} (10,000) generated bad requests against every
 * route the running service has (read from its router, so new endpoints are covered the day they appear):
 * oversized bodies, invalid UTF-8, wrong JSON types, 10,000-deep nesting, script and HTML, SQL-looking text,
 * wrong and foreign ids and tokens, forged JWTs, replayed client message ids, bad content types, huge headers,
 * malformed request lines. The service must answer every one with a 4xx (never a 5xx) and store nothing for
 * any request it rejects: row counts of every table are compared around each rejected request. Writes
 * target/bench/hostile.json. A second scenario guesses passwords on {@code POST /login} and must be throttled
 * (target/bench/hostile-login.json).
 */
class HostileInputBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final int target = BenchReport.intSetting("bench.hostileRequests", 10_000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private EmbeddedServer server;
    private DataSource dataSource;
    private List<String> tables;
    private String own;
    private String ownToken;
    private String foreign;
    private String foreignToken;
    private String adminJwt;

    private long requests;
    private long status2xx;
    private long status4xx;
    private long status5xx;
    private long noAnswer;
    private long storedByRejected;
    private final Map<String, Long> byStatus = new java.util.TreeMap<>();
    private final Map<String, String> serverErrorSamples = new LinkedHashMap<>();
    private final Map<String, String> noAnswerSamples = new LinkedHashMap<>();

    /** One generated request. */
    private record Attack(String label, String method, String path, Map<String, String> headers, byte[] body) {
    }

    @Test
    void should_answer_every_hostile_request_with_a_4xx_and_store_nothing_for_it() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.host", "127.0.0.1");
        // Limits would turn most of the suite into 429s; it is the validation behind them that is under test.
        props.put("touchpoint.ratelimit.per-ip-per-minute", 100_000_000);
        props.put("touchpoint.ratelimit.per-conversation-per-minute", 100_000_000);
        // Telegram's Bot API is a fake on 127.0.0.1; outbox deliveries stay queued, so no row appears between the
        // counts around a rejected request except what that request stored.
        props.put("touchpoint.channels.telegram.api-base-url", telegram.baseUrl());
        props.put("touchpoint.channels.delivery-enabled", false);
        // The API channels' webhook URL points at a closed local port; nothing is delivered anyway.
        props.put("touchpoint.webhooks.allow-private-networks", true);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        try {
            // The bean is a proxy bound to the current transaction; counting needs connections of its own.
            dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(
                    server.getApplicationContext().getBean(DataSource.class));
            tables = tables();
            String a = exchange(new Attack("setup", "POST", "/api/conversations", json(), "{}".getBytes())).body;
            own = group(ID, a);
            ownToken = group(TOKEN, a);
            String b = exchange(new Attack("setup", "POST", "/api/conversations", json(), "{}".getBytes())).body;
            foreign = group(ID, b);
            foreignToken = group(TOKEN, b);
            adminJwt = server.getApplicationContext().getBean(JwtTokenGenerator.class)
                    .generateToken(Authentication.build("hostile-admin", List.of("ADMIN", "AGENT")), 3600).orElseThrow();
            exchange(new Attack("setup", "POST", "/api/conversations/" + own + "/messages", auth(json(), ownToken),
                    "{\"clientMessageId\":\"replayed-1\",\"text\":\"return policy\"}".getBytes()));

            setUpTelegram();
            setUpApiChannels();

            List<Route> routes = RouteCatalog.routes(server.getApplicationContext());
            System.out.printf(Locale.ROOT, "[hostile] %d routes: %s%n", routes.size(), routes);
            long t0 = System.nanoTime();
            Random random = new Random(42);
            // Every kind of attack on every route once, then random combinations until the target count.
            for (Route route : routes) {
                for (Attack attack : systematic(route)) {
                    fire(attack);
                }
            }
            for (Attack attack : raw()) {
                fire(attack);
            }
            for (Attack attack : telegram()) {
                fire(attack);
            }
            replayTelegramUpdates();
            for (Attack attack : apiKeyAttacks()) {
                int status = fire(attack);
                apiKeyAttacks++;
                if (status == 401 || status == 403) {
                    apiKeysRefused++;
                }
            }
            for (Attack attack : apiBodyAttacks()) {
                fire(attack);
                apiBodyAttacks++;
            }
            replayApiMessages();
            while (requests < target) {
                Route route = routes.get(random.nextInt(routes.size()));
                fire(randomAttack(route, random));
                if (requests % 2000 == 0) {
                    System.out.printf(Locale.ROOT, "[hostile] %d requests, 4xx=%d 5xx=%d 2xx=%d storedByRejected=%d (%.0f s)%n",
                            requests, status4xx, status5xx, status2xx, storedByRejected, (System.nanoTime() - t0) / 1e9);
                }
            }
            BenchReport report = new BenchReport()
                    .put("requests", requests)
                    .put("status4xx", status4xx)
                    .put("status5xx", status5xx)
                    .put("storedByRejected", storedByRejected)
                    .put("status2xx", status2xx)
                    .put("noAnswer", noAnswer)
                    .put("routes", routes.size())
                    .put("telegramReplays", telegramReplays)
                    .put("telegramReplaysStored", telegramReplaysStored)
                    .put("apiChannelKeyAttacks", apiKeyAttacks)
                    .put("apiChannelKeysRefused", apiKeysRefused)
                    .put("apiChannelBodyAttacks", apiBodyAttacks)
                    .put("apiChannelReplays", apiReplays)
                    .put("apiChannelReplaysStored", apiReplaysStored)
                    .put("statuses", byStatus.toString())
                    .put("date", java.time.Instant.now().toString());
            report.write("hostile.json");
            serverErrorSamples.forEach((k, v) -> System.out.println("[hostile] 5xx: " + k + " -> " + v));
            noAnswerSamples.forEach((k, v) -> System.out.println("[hostile] connection closed without an answer: " + k + " -> " + v));
            assertThat(status5xx).as("server errors").isZero();
            assertThat(storedByRejected).as("rows stored by rejected requests").isZero();
            assertThat(telegramReplaysStored).as("rows stored by replayed Telegram updates").isZero();
            assertThat(apiKeysRefused).as("API channel requests with a wrong key answered 401/403").isEqualTo(apiKeyAttacks);
            assertThat(apiReplaysStored).as("rows stored by repeated API channel messages").isZero();
            assertThat(requests).isGreaterThanOrEqualTo(target);
        } finally {
            server.close();
            telegram.close();
        }
    }

    // ---- The API channel ------------------------------------------------------------------------------------

    private String apiChannel;
    private String apiKey;
    private String otherApiChannel;
    private String otherApiKey;
    private long apiKeyAttacks;
    private long apiKeysRefused;
    private long apiBodyAttacks;
    private long apiReplays;
    private long apiReplaysStored;

    /** Two API channels created as an admin would, and one message accepted on the first. */
    private void setUpApiChannels() throws Exception {
        String[] first = createApiChannel("Hostile API");
        apiChannel = first[0];
        apiKey = first[1];
        String[] second = createApiChannel("Other API");
        otherApiChannel = second[0];
        otherApiKey = second[1];
        Answer accepted = exchange(apiMessage("setup", apiChannel, "Bearer " + apiKey, apiBody("ext-1", "api-replayed-1", "return policy")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private String[] createApiChannel(String name) {
        Answer created = exchange(new Attack("setup", "POST", "/api/admin/channels", auth(json(), "Bearer " + adminJwt),
                ("{\"type\":\"api\",\"name\":\"" + name + "\",\"webhookUrl\":\"http://127.0.0.1:9/hooks\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {group(ID, created.body()), group(Pattern.compile("\"apiKey\":\"([^\"]+)\""), created.body())};
    }

    private static byte[] apiBody(String externalConversationId, String clientMessageId, String text) {
        return ("{\"externalConversationId\":\"" + externalConversationId + "\",\"clientMessageId\":\"" + clientMessageId
                + "\",\"text\":\"" + text + "\",\"contact\":{\"externalId\":\"c-1\",\"name\":\"Ann\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private Attack apiMessage(String label, String channelId, String authorization, byte[] body) {
        Map<String, String> headers = json();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new Attack("api " + label, "POST", "/api/channels/" + channelId + "/messages", headers, body);
    }

    /** A valid message with a missing, wrong, mangled or another channel's key: each must be 401 or 403 and store nothing. */
    private List<Attack> apiKeyAttacks() {
        List<Attack> attacks = new ArrayList<>();
        byte[] body = apiBody("ext-key", "key-1", "return policy");
        for (String authorization : new String[] {null, "", "Bearer", "Bearer ", "Bearer " + otherApiKey, "Basic " + apiKey, apiKey,
                "Bearer " + apiKey + "x", "Bearer " + apiKey.substring(1), "Bearer " + apiKey.toUpperCase(Locale.ROOT),
                "Bearer " + apiKey.substring(0, apiKey.length() - 1) + "\u0000", "Bearer " + "A".repeat(6000), "Bearer ' OR '1'='1",
                "Bearer ü-ñ-漢字", "Bearer " + adminJwt, "Bearer " + ownToken}) {
            attacks.add(apiMessage("key " + abbreviate(String.valueOf(authorization)), apiChannel, authorization, body));
        }
        attacks.add(apiMessage("own key on the other channel", otherApiChannel, "Bearer " + apiKey, body));
        attacks.add(apiMessage("own key on an unknown channel", "nope", "Bearer " + apiKey, body));
        attacks.add(apiMessage("own key on the web channel", "web", "Bearer " + apiKey, body));
        return attacks;
    }

    /** The right key with malformed, oversized or mistyped bodies: whatever they are, never a 5xx. */
    private List<Attack> apiBodyAttacks() {
        List<Attack> attacks = new ArrayList<>();
        String[] malformed = {
            "{}", "[]", "null", "\"text\"", "not json at all", "{\"text\":\"hi\"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"\"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"   \"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"" + "x".repeat(2001) + "\"}",
            "{\"externalConversationId\":\"" + "e".repeat(301) + "\",\"clientMessageId\":\"m\",\"text\":\"hi\"}",
            "{\"externalConversationId\":\"\",\"clientMessageId\":\"m\",\"text\":\"hi\"}",
            "{\"externalConversationId\":42,\"clientMessageId\":\"m\",\"text\":\"hi\"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":[1],\"text\":\"hi\"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":{\"a\":1}}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"hi\",\"contact\":\"x\"}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"hi\",\"contact\":{\"email\":\"" + "a".repeat(5000) + "@x.example\"}}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"hi\",\"contact\":{\"name\":\"" + "n".repeat(5000) + "\"}}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"hi\",\"contact\":{\"externalId\":{\"x\":[]}}}",
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"hi\",\"unknown\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"externalConversationId\":\"e\",\"clientMessageId\":\"m\",\"text\":\"" + "x".repeat(3_000_000) + "\"}"};
        for (String body : malformed) {
            attacks.add(apiMessage("body " + abbreviate(body), apiChannel, "Bearer " + apiKey, body.getBytes(StandardCharsets.UTF_8)));
        }
        for (byte[] body : badBodies()) {
            attacks.add(apiMessage("body " + abbreviate(new String(body, StandardCharsets.UTF_8)), apiChannel, "Bearer " + apiKey, body));
        }
        return attacks;
    }

    /** The message accepted at setup, sent again as a client retrying after a lost answer: 200, and nothing more stored. */
    private void replayApiMessages() throws Exception {
        for (int i = 0; i < 20; i++) {
            long before = rows();
            Answer answer = exchange(apiMessage("replayed message", apiChannel, "Bearer " + apiKey, apiBody("ext-1", "api-replayed-1", "return policy")));
            long after = rows();
            requests++;
            apiReplays++;
            byStatus.merge(String.valueOf(answer.status()), 1L, Long::sum);
            if (answer.status() >= 500) {
                status5xx++;
            } else if (answer.status() >= 400) {
                status4xx++;
            } else {
                status2xx++;
            }
            apiReplaysStored += Math.max(0, after - before);
        }
    }

    // ---- Telegram's webhook ----------------------------------------------------------------------------------

    private static final String BOT_TOKEN = "7000001:AAHhostileBenchBotTokenForTouchpoint";
    private final FakeTelegram telegram = new FakeTelegram().bot(BOT_TOKEN, "hostile_bot");
    private String telegramPath;
    private String telegramSecret;
    private String acceptedUpdate;
    private long telegramReplays;
    private long telegramReplaysStored;

    /** A Telegram channel created as an admin would, its webhook registered with the fake, and one update accepted. */
    private void setUpTelegram() throws Exception {
        Answer created = exchange(new Attack("setup", "POST", "/api/admin/channels", auth(json(), "Bearer " + adminJwt),
                ("{\"type\":\"telegram\",\"name\":\"Hostile bot\",\"botToken\":\"" + BOT_TOKEN
                        + "\",\"publicBaseUrl\":\"http://127.0.0.1:" + server.getPort() + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        telegramPath = URI.create(telegram.webhookUrl(BOT_TOKEN)).getPath();
        telegramSecret = telegram.webhookSecret(BOT_TOKEN);
        acceptedUpdate = telegram.textUpdate(telegram.nextUpdateId(), 4242, "How do I return a lamp?");
        assertThat(exchange(telegramAttack("setup", telegramSecret, acceptedUpdate.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
    }

    private Attack telegramAttack(String label, String secret, byte[] body) {
        Map<String, String> headers = json();
        if (secret != null) {
            headers.put("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return new Attack("telegram " + label, "POST", telegramPath, headers, body);
    }

    /**
     * Bad secret tokens on a valid update (each must be 401 or 403 and store nothing), then malformed updates with the
     * right secret: whatever they are, never a 5xx.
     */
    private List<Attack> telegram() {
        List<Attack> attacks = new ArrayList<>();
        byte[] update = telegram.textUpdate(telegram.nextUpdateId(), 4343, "return policy").getBytes(StandardCharsets.UTF_8);
        for (String secret : new String[] {null, "", " ", telegramSecret + "x", telegramSecret.substring(1), telegramSecret.toUpperCase(Locale.ROOT),
                "A".repeat(6000), "' OR '1'='1", "ü-ñ-漢字", telegramSecret.substring(0, telegramSecret.length() - 1) + "\u0000"}) {
            attacks.add(telegramAttack("secret " + abbreviate(String.valueOf(secret)), secret, update));
        }
        attacks.add(new Attack("telegram secret of another channel's path", "POST", telegramPath.replace("/api/channels/", "/api/channels/x"),
                Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", telegramSecret), update));
        long id = 9_000_000;
        String[] malformed = {
            "{}", "{\"update_id\":\"abc\"}", "{\"update_id\":-1}", "{\"update_id\":1e999}", "{\"update_id\":" + "9".repeat(40) + "}",
            "{\"update_id\":null}", "{\"update_id\":" + (id++) + ",\"message\":\"text\"}",
            "{\"update_id\":" + (id++) + ",\"message\":{}}",
            "{\"update_id\":" + (id++) + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":\"x\"},\"text\":\"hi\"}}",
            "{\"update_id\":" + (id++) + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":" + "9".repeat(30) + ",\"type\":\"private\"},\"from\":{\"id\":1},\"text\":\"hi\"}}",
            "{\"update_id\":" + (id++) + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":77,\"type\":\"group\"},\"from\":{\"id\":77},\"text\":\"hi\"}}",
            "{\"update_id\":" + (id++) + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":78,\"type\":\"private\"},\"from\":{\"id\":78},\"text\":[1,2]}}",
            "{\"update_id\":" + (id++) + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":79,\"type\":\"private\"},\"from\":{\"id\":79},\"text\":\"" + "x".repeat(5000) + "\"}}",
            "{\"update_id\":" + (id++) + ",\"callback_query\":{\"id\":\"q\",\"data\":\"o:1:0:AAAAAAAAAAAAAAAA\"}}",
            "{\"update_id\":" + (id++) + ",\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":4242},\"message\":{\"message_id\":5,\"chat\":{\"id\":4242,\"type\":\"private\"}},\"data\":\"o:3:0:AAAAAAAAAAAAAAAA\"}}",
            "{\"update_id\":" + (id++) + ",\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":4242},\"message\":{\"message_id\":5,\"chat\":{\"id\":4242,\"type\":\"private\"}},\"data\":\"" + "o".repeat(10_000) + "\"}}",
            "{\"update_id\":" + (id++) + ",\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":4242},\"message\":{\"message_id\":5,\"chat\":{\"id\":4242,\"type\":\"private\"}},\"data\":\"r:99999999999:1:AAAAAAAAAAAAAAAA\"}}",
            "{\"update_id\":" + (id++) + ",\"edited_message\":{\"message_id\":1,\"chat\":{\"id\":4242,\"type\":\"private\"},\"text\":\"edited\"}}",
            "{\"update_id\":" + (id++) + ",\"inline_query\":{\"id\":\"1\",\"query\":\"<script>\"}}",
            "[" .repeat(5000) + "]".repeat(5000), "not json at all"};
        for (String body : malformed) {
            attacks.add(telegramAttack("update " + abbreviate(body), telegramSecret, body.getBytes(StandardCharsets.UTF_8)));
        }
        for (byte[] body : badBodies()) {
            attacks.add(telegramAttack("body " + abbreviate(new String(body, StandardCharsets.UTF_8)), telegramSecret, body));
        }
        return attacks;
    }

    /** The update accepted at setup, delivered again as Telegram retries do: answered 200 and stores nothing more. */
    private void replayTelegramUpdates() throws Exception {
        for (int i = 0; i < 20; i++) {
            long before = rows();
            Answer answer = exchange(telegramAttack("replayed update", telegramSecret, acceptedUpdate.getBytes(StandardCharsets.UTF_8)));
            long after = rows();
            requests++;
            telegramReplays++;
            byStatus.merge(String.valueOf(answer.status()), 1L, Long::sum);
            if (answer.status() >= 500) {
                status5xx++;
            } else if (answer.status() >= 200 && answer.status() < 300) {
                status2xx++;
            } else {
                status4xx++;
            }
            telegramReplaysStored += Math.max(0, after - before);
        }
    }

    /**
     * Password guessing: the 190 wrong passwords for {@code admin} in a row that were all checked at about 9 a
     * second before sign-in was throttled, then one address trying many user names. Limits at their defaults.
     * Writes target/bench/hostile-login.json.
     */
    @Test
    void should_throttle_password_guessing_on_sign_in() throws Exception {
        String password = "hostile-bench-admin-" + UUID.randomUUID();
        Map<String, Object> props = new HashMap<>();
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("touchpoint.admin-password", password);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        try {
            Map<Integer, Long> guesses = new java.util.TreeMap<>();
            int first429 = -1;
            String retryAfter = null;
            long t0 = System.nanoTime();
            for (int i = 0; i < 190; i++) {
                HttpResponse<String> r = login("admin", "guess-" + i);
                guesses.merge(r.statusCode(), 1L, Long::sum);
                if (r.statusCode() == 429 && first429 < 0) {
                    first429 = i + 1;
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                }
            }
            double guessSeconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(Long.parseLong(retryAfter) * 1000 + 200);
            int rightPasswordAfterLock = login("admin", password).statusCode();

            Map<Integer, Long> names = new java.util.TreeMap<>();
            int firstNameRefused = -1;
            for (int i = 0; i < 100; i++) {
                int status = login("guessed-user-" + i, "guess").statusCode();
                names.merge(status, 1L, Long::sum);
                if (status == 429 && firstNameRefused < 0) {
                    firstNameRefused = i + 1;
                }
            }

            String adminJwt = server.getApplicationContext().getBean(JwtTokenGenerator.class)
                    .generateToken(Authentication.build("admin", List.of("ADMIN")), 3600).orElseThrow();
            long checked = guesses.getOrDefault(401, 0L);
            long audited = 0;
            for (int tries = 0; tries < 50 && audited < checked; tries++) {
                Thread.sleep(200);
                HttpResponse<String> audit = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                        + "/api/admin/audit?target=user:admin&limit=500")).header("Authorization", "Bearer " + adminJwt).build(),
                        HttpResponse.BodyHandlers.ofString());
                audited = audit.body().split("\"login.failed\"", -1).length - 1;
            }
            new BenchReport()
                    .put("wrongPasswords", 190)
                    .put("passwordsChecked", checked)
                    .put("firstRefusedAttempt", first429)
                    .put("statuses", guesses.toString())
                    .put("guessSeconds", guessSeconds)
                    .put("rightPasswordAfterLock", rightPasswordAfterLock)
                    .put("userNamesTried", 100)
                    .put("firstUserNameRefused", firstNameRefused)
                    .put("userNameStatuses", names.toString())
                    .put("failedSignInsAudited", audited)
                    .put("date", java.time.Instant.now().toString())
                    .write("hostile-login.json");

            assertThat(first429).as("attempt answered 429 first").isBetween(2, 10);
            assertThat(checked).as("wrong passwords actually checked").isLessThanOrEqualTo(10);
            assertThat(guesses.keySet()).as("statuses").containsOnly(401, 429);
            assertThat(rightPasswordAfterLock).as("the right password once the lock has passed").isEqualTo(200);
            assertThat(firstNameRefused).as("one address trying user names").isBetween(2, 30);
            assertThat(names.keySet()).containsOnly(401, 429);
            assertThat(audited).as("failed sign-ins in the audit log").isEqualTo(checked);
        } finally {
            server.close();
        }
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- generation ------------------------------------------------------------------------------------------

    private static final String[] BAD_IDS = {
        "00000000-0000-0000-0000-000000000000", "' OR '1'='1", "1; DROP TABLE conversation_event; --",
        "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\u0000", "ü-ñ-漢字", "a".repeat(5000),
        "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "-1", "9".repeat(40), " ", "null", "undefined"};

    private static final String[] TEXTS = {
        "<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)>",
        "'; DROP TABLE conversation; --", "1' OR '1'='1' --", "\" UNION SELECT token_hash FROM conversation --",
        "${jndi:ldap://127.0.0.1/a}", "{{constructor.constructor('alert(1)')()}}", "\u0000\u0001\u0002",
        "\u202Eevil\u202C", "A".repeat(2001), "😀".repeat(1001), "\uD800", "%s%s%s%n", "../../etc/passwd",
        "<svg/onload=alert(1)>", "javascript:alert(1)", "[link](javascript:alert(1))"};

    /** Bodies that are wrong whatever the endpoint expects. */
    private List<byte[]> badBodies() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(("{\"text\":\"" + "x".repeat(70_000) + "\"}").getBytes());
        bodies.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes());
        bodies.add(("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes());
        bodies.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'});
        bodies.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        for (String s : new String[] {"", "null", "[]", "\"text\"", "42", "true", "{", "{\"text\":", "{\"text\":\"hi\"",
                "{\"text\":1}", "{\"text\":[\"a\"]}", "{\"text\":{\"$gt\":\"\"}}", "{\"text\":null}", "{\"clientMessageId\":5,\"text\":\"hi\"}",
                "{\"clientMessageId\":\"a b\",\"text\":\"hi\"}", "{\"clientMessageId\":\"" + "x".repeat(500) + "\",\"text\":\"hi\"}",
                "{\"text\":\"hi\",\"text\":\"again\"}", "{\"text\":\"hi\",\"admin\":true}", "{\"__proto__\":{\"admin\":true}}",
                "{\"text\":1e999999}", "{\"text\":\"hi\"}garbage", "{'text':'single quotes'}", "{\"text\":\"\\ud800\"}",
                "{\"touchpoint\":\"<script>\",\"locale\":\"'; DROP TABLE x; --\"}", "{\"locale\":1}", "{\"touchpoint\":[]}",
                "{\"score\":\"NaN\",\"questionId\":{}}", "{\"helpful\":\"yes\"}", "{\"status\":-1}", "{\"text\":\"" + "\\u0000".repeat(100) + "\"}",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "text=hello&clientMessageId=1", "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--x--"}) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        for (String text : TEXTS) {
            bodies.add(("{\"clientMessageId\":\"h-" + UUID.randomUUID() + "\",\"text\":" + touchpoint.testing.CustomerClient.quote(text) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        // A replayed client message id with different text: answered with the original, stored once.
        bodies.add("{\"clientMessageId\":\"replayed-1\",\"text\":\"something else entirely\"}".getBytes());
        return bodies;
    }

    private static final String[] CONTENT_TYPES = {
        "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1", "application/json; charset=utf-16",
        "???", "application/json, text/html", "image/png", null};

    private List<String> badAuthorizations() {
        List<String> auth = new ArrayList<>();
        auth.add(null);
        auth.add("Bearer " + foreignToken);
        auth.add("Bearer not-a-token");
        auth.add("Bearer ");
        auth.add("Bearer " + ownToken + "x");
        auth.add("Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()));
        auth.add("Bearer " + unsignedJwt());
        auth.add("Bearer " + forgedJwt());
        auth.add("Bearer a.b.c");
        auth.add("Bearer " + "A".repeat(6000));
        auth.add("bearer " + foreignToken);
        auth.add("Bearer " + adminJwt.substring(0, adminJwt.length() - 3) + "abc");
        return auth;
    }

    /** Each dimension of badness on its own, the others left valid, so a 5xx points at one cause. */
    private List<Attack> systematic(Route route) {
        List<Attack> attacks = new ArrayList<>();
        boolean hasBody = hasBody(route.method());
        byte[] goodBody = "{\"clientMessageId\":\"s-1\",\"text\":\"return policy\"}".getBytes();
        for (String bad : BAD_IDS) {
            String path = route.path(v -> v.equals("id") ? bad : bad);
            attacks.add(new Attack("path id " + abbreviate(bad), route.method().name(), encodePath(path, bad), auth(json(), ownToken), hasBody ? goodBody : null));
        }
        String ownPath = route.path(v -> v.equals("id") ? own : UUID.randomUUID().toString());
        String foreignPath = route.path(v -> v.equals("id") ? foreign : UUID.randomUUID().toString());
        for (String a : badAuthorizations()) {
            attacks.add(new Attack("authorization " + abbreviate(a), route.method().name(), ownPath, auth(json(), a), hasBody ? goodBody : null));
        }
        attacks.add(new Attack("foreign conversation with own token", route.method().name(), foreignPath, auth(json(), ownToken), hasBody ? goodBody : null));
        if (hasBody) {
            for (byte[] body : badBodies()) {
                attacks.add(new Attack("body " + abbreviate(new String(body, StandardCharsets.UTF_8)), route.method().name(), ownPath, auth(json(), ownToken), body));
                attacks.add(new Attack("admin body " + abbreviate(new String(body, StandardCharsets.UTF_8)), route.method().name(), ownPath, auth(json(), adminJwt), body));
            }
            for (String type : CONTENT_TYPES) {
                Map<String, String> h = auth(new LinkedHashMap<>(), ownToken);
                if (type != null) {
                    h.put("Content-Type", type);
                }
                attacks.add(new Attack("content type " + type, route.method().name(), ownPath, h, goodBody));
            }
        }
        for (String query : new String[] {"?after=-1", "?after=abc", "?after=99999999999999999999", "?after=1e3", "?after=%00",
                "?after=1&after=2", "?status=<script>", "?" + "a=1&".repeat(2000), "?after=" + "9".repeat(5000)}) {
            attacks.add(new Attack("query " + abbreviate(query), route.method().name(), ownPath + query, auth(new LinkedHashMap<>(), ownToken), hasBody ? goodBody : null));
        }
        Map<String, String> huge = auth(json(), ownToken);
        huge.put("X-Huge", "h".repeat(20_000));
        attacks.add(new Attack("20 KB header", route.method().name(), ownPath, huge, hasBody ? goodBody : null));
        Map<String, String> many = auth(json(), ownToken);
        for (int i = 0; i < 300; i++) {
            many.put("X-Many-" + i, "v".repeat(50));
        }
        attacks.add(new Attack("300 headers", route.method().name(), ownPath, many, hasBody ? goodBody : null));
        Map<String, String> spoofed = auth(json(), ownToken);
        spoofed.put("X-Forwarded-For", "' OR 1=1 --, 10.0.0.1");
        spoofed.put("Forwarded", "for=\"<script>\"");
        spoofed.put("Origin", "https://evil.example");
        attacks.add(new Attack("spoofed forwarding headers", route.method().name(), ownPath, spoofed, hasBody ? goodBody : null));
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}) {
            if (!method.equals(route.method().name())) {
                attacks.add(new Attack("method " + method, method, ownPath, auth(json(), ownToken), "{}".getBytes()));
            }
        }
        return attacks;
    }

    private Attack randomAttack(Route route, Random random) {
        List<String> auths = badAuthorizations();
        auths.add("Bearer " + ownToken);
        auths.add("Bearer " + adminJwt);
        String id = switch (random.nextInt(4)) {
            case 0 -> own;
            case 1 -> foreign;
            case 2 -> UUID.randomUUID().toString();
            default -> BAD_IDS[random.nextInt(BAD_IDS.length)];
        };
        String path = encodePath(route.path(v -> v.equals("id") ? id : random.nextBoolean() ? UUID.randomUUID().toString() : id), id);
        Map<String, String> headers = new LinkedHashMap<>();
        String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        if (type != null) {
            headers.put("Content-Type", type);
        }
        String a = auths.get(random.nextInt(auths.size()));
        auth(headers, a);
        byte[] body = null;
        if (hasBody(route.method()) || random.nextInt(10) == 0) {
            List<byte[]> bodies = badBodies();
            body = bodies.get(random.nextInt(bodies.size()));
        }
        return new Attack("random", route.method().name(), path, headers, body);
    }

    /** Requests no well-behaved client library would send: written to the socket byte by byte. */
    private List<Attack> raw() {
        List<Attack> attacks = new ArrayList<>();
        String[] lines = {
            "GET /api/conversations/%zz/messages HTTP/1.1", "GET /api/conversations/%c0%ae%c0%ae/messages HTTP/1.1",
            "GET /api/conversations/\u00ff\u00fe/messages HTTP/1.1", "POST /api/conversations HTTP/1.1\r\nContent-Length: -1",
            "POST /api/conversations HTTP/1.1\r\nContent-Length: 99999999999999999999", "GET /../../etc/passwd HTTP/1.1",
            "FOO /api/conversations HTTP/1.1", "GET /api/conversations HTTP/9.9", "GET / HTTP/1.1\r\nBroken header line",
            "POST /api/conversations HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5",
            "GET /api/conversations/" + "a".repeat(10_000) + "/messages HTTP/1.1", "GET /ws/conversations/x HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade",
            "POST /api/conversations/" + "%%" + "/messages HTTP/1.1"};
        for (String line : lines) {
            attacks.add(new Attack("raw " + abbreviate(line), "RAW", line, Map.of(), null));
        }
        return attacks;
    }

    // ---- sending and counting --------------------------------------------------------------------------------

    private record Answer(int status, String body) {
    }

    private int fire(Attack attack) throws Exception {
        long before = rows();
        Answer answer = exchange(attack);
        long after = rows();
        requests++;
        int s = answer.status;
        byStatus.merge(s == 0 ? "none" : String.valueOf(s), 1L, Long::sum);
        if (s >= 200 && s < 300) {
            status2xx++;
            return s;
        }
        if (s >= 500) {
            status5xx++;
            serverErrorSamples.putIfAbsent(attack.method() + " " + abbreviate(attack.path()) + " [" + attack.label() + "]",
                    s + " " + abbreviate(answer.body));
        } else if (s >= 400) {
            status4xx++;
        } else if (s == 0) {
            noAnswer++;
            noAnswerSamples.putIfAbsent(attack.method() + " " + abbreviate(attack.path()) + " [" + attack.label() + "]", abbreviate(answer.body));
        }
        if (after > before) {
            storedByRejected += after - before;
            System.out.println("[hostile] rejected request stored rows: " + attack.label() + " " + abbreviate(attack.path()));
        }
        return s;
    }

    private Answer exchange(Attack attack) {
        if (attack.method().equals("RAW")) {
            return rawExchange(attack.path());
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + attack.path()))
                    .timeout(Duration.ofSeconds(20))
                    .method(attack.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
            attack.headers().forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IllegalArgumentException e) {
            // The JDK client refuses to send some of these (a malformed URI): send them raw instead.
            return rawExchange(attack.method() + " " + attack.path() + " HTTP/1.1");
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    private Answer rawExchange(String requestHead) {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && head.size() < 200) {
                head.write(c);
                if (c == '\n') {
                    break;
                }
            }
            String status = head.toString(StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile("^HTTP/\\d\\.\\d (\\d{3})").matcher(status);
            return m.find() ? new Answer(Integer.parseInt(m.group(1)), status.strip()) : new Answer(0, "closed: " + status);
        } catch (IOException e) {
            return new Answer(0, e.toString());
        }
    }

    private List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                // Analytics tables are projections of stored conversations, written a moment after the request that
                // stored them (touchpoint.analytics.projection-delay): counting them would pin an earlier accepted
                // request's projection on whatever rejected request runs then. What a request stores shows in the
                // conversation's own tables.
                // The audit log records refused sign-ins on purpose (asynchronously, so after the request's answer).
                if (schema != null && schema.equalsIgnoreCase("public") && !lower.startsWith("flyway") && !lower.startsWith("analytics_")
                        && !lower.equals("audit_log")) {
                    names.add(name);
                }
            }
        }
        System.out.println("[hostile] counting rows of " + names);
        return names;
    }

    private long rows() throws Exception {
        long total = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static boolean hasBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private static Map<String, String> json() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return h;
    }

    private static Map<String, String> auth(Map<String, String> headers, String authorization) {
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    /** Fills path variables with a hostile value, percent-encoded so it travels as one path segment. */
    private static String encodePath(String expanded, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        // UriMatchTemplate.expand already encodes some characters; encode the raw value where it survived.
        return expanded.contains(value) ? expanded.replace(value, encoded) : expanded;
    }

    private static String unsignedJwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + b64.encodeToString("{\"sub\":\"mallory\",\"roles\":[\"ADMIN\"],\"exp\":9999999999}".getBytes()) + ".";
    }

    private static String forgedJwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes()) + "."
                + b64.encodeToString("{\"sub\":\"mallory\",\"roles\":[\"ADMIN\"],\"exp\":9999999999}".getBytes()) + "."
                + b64.encodeToString("forged-signature-forged-signature".getBytes());
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        String t = s.replaceAll("[\\r\\n]", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…(" + t.length() + ")" : t;
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }
}
