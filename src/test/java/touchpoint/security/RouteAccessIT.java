package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.security.RouteCatalog.Access;
import touchpoint.security.RouteCatalog.Route;
import touchpoint.testing.LiveSocket;

/**
 * Walks every route of the running service and proves that anonymous callers, customers and signed-in users of
 * the wrong role are refused wherever the access table says so. A route the table does not cover fails the
 * test: whoever adds an endpoint decides who may call it.
 */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "touchpoint.admin-password", value = "route-access-password-1")
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
// Every route times every caller is more than a minute's per-address budget; the limiter has tests of its own.
@Property(name = "touchpoint.ratelimit.per-ip-per-minute", value = "100000")
class RouteAccessIT {

    private static final String ADMIN_PASSWORD = "route-access-password-1";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    JwtTokenGenerator jwt;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String conversationId;
    private String token;
    private String otherToken;

    /** Who is calling, and the Authorization header they send (null: none). */
    private record Caller(String name, String authorization) {
    }

    @BeforeEach
    void startConversations() throws Exception {
        String mine = send("POST", "/api/conversations", null, "{}").body();
        conversationId = group(ID, mine);
        token = group(TOKEN, mine);
        otherToken = group(TOKEN, send("POST", "/api/conversations", null, "{}").body());
    }

    @Test
    void should_classify_every_route_of_the_service() {
        List<Route> routes = RouteCatalog.routes(context);

        assertThat(routes).extracting(Route::template).contains("/api/conversations/{id}/messages{?after}");
        assertThat(routes).filteredOn(r -> r.access() == Access.UNCLASSIFIED)
                .as("routes missing from RouteCatalog's access table — decide who may call them")
                .isEmpty();
    }

    @Test
    void should_refuse_callers_without_the_right_credential_on_every_route() throws Exception {
        Caller anonymous = new Caller("anonymous", null);
        Caller customer = new Caller("customer token", "Bearer " + token);
        Caller foreignCustomer = new Caller("another conversation's token", "Bearer " + otherToken);
        Caller noRole = new Caller("JWT without a role", "Bearer " + jwt(List.of()));
        String adminToken = login("admin", ADMIN_PASSWORD);
        send("POST", "/api/admin/users", "Bearer " + adminToken, "{\"username\":\"route-agent\",\"password\":\"" + ADMIN_PASSWORD
                + "\",\"displayName\":\"Route Agent\",\"roles\":[\"AGENT\"],\"teams\":[\"support\"]}");
        Caller agent = new Caller("AGENT JWT", "Bearer " + login("route-agent", ADMIN_PASSWORD));
        send("POST", "/api/admin/users", "Bearer " + adminToken, "{\"username\":\"route-supervisor\",\"password\":\"" + ADMIN_PASSWORD
                + "\",\"displayName\":\"Route Supervisor\",\"roles\":[\"SUPERVISOR\"],\"teams\":[\"support\"]}");
        Caller supervisor = new Caller("SUPERVISOR JWT", "Bearer " + login("route-supervisor", ADMIN_PASSWORD));
        Caller admin = new Caller("ADMIN JWT", "Bearer " + adminToken);
        Caller forged = new Caller("JWT signed with another key", "Bearer " + forgedJwt());
        List<String> failures = new ArrayList<>();

        for (Route route : RouteCatalog.routes(context)) {
            switch (route.access()) {
                case PUBLIC, START_CONVERSATION -> expectAllowed(route, anonymous, failures);
                case CUSTOMER_TOKEN -> {
                    expectRefused(route, anonymous, failures, 401);
                    expectRefused(route, foreignCustomer, failures, 404);
                    expectRefused(route, noRole, failures, 401, 404);
                    expectRefused(route, agent, failures, 401, 404);
                    expectRefused(route, admin, failures, 401, 404);
                    expectAllowed(route, customer, failures);
                }
                case AGENT_OR_ADMIN -> {
                    expectRefused(route, anonymous, failures, 401);
                    // A customer token is a credential, just not one for this route: 403, as the agent API promises.
                    expectRefused(route, customer, failures, 403);
                    expectRefused(route, forged, failures, 401);
                    expectRefused(route, noRole, failures, 403);
                    expectAllowed(route, agent, failures);
                    expectAllowed(route, supervisor, failures);
                    expectAllowed(route, admin, failures);
                }
                case SUPERVISOR -> {
                    expectRefused(route, anonymous, failures, 401);
                    expectRefused(route, customer, failures, 403);
                    expectRefused(route, forged, failures, 401);
                    expectRefused(route, noRole, failures, 403);
                    expectRefused(route, agent, failures, 403);
                    expectAllowed(route, supervisor, failures);
                    expectAllowed(route, admin, failures);
                }
                case ADMIN -> {
                    expectRefused(route, anonymous, failures, 401);
                    // A customer token is a credential, just not one for this route: 403, as the agent API promises.
                    expectRefused(route, customer, failures, 403);
                    expectRefused(route, forged, failures, 401);
                    expectRefused(route, noRole, failures, 403);
                    expectRefused(route, agent, failures, 403);
                    expectRefused(route, supervisor, failures, 403);
                    expectAllowed(route, admin, failures);
                }
                case CHANNEL_KEY -> {
                    expectRefused(route, anonymous, failures, 401);
                    expectRefused(route, customer, failures, 401);
                    expectRefused(route, forged, failures, 401);
                    expectRefused(route, agent, failures, 401);
                    expectRefused(route, admin, failures, 401);
                }
                case CUSTOMER_SOCKET -> checkSocket(route, failures);
                case AGENT_SOCKET -> checkAgentSocket(route, agent.authorization().substring("Bearer ".length()), failures);
                case SIGN_IN -> expectNoServerError(route, anonymous, failures);
                case UNCLASSIFIED -> failures.add(route + " is not in the access table");
            }
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void should_refuse_unknown_api_paths_to_anonymous_callers() throws Exception {
        int status = send("GET", "/api/admin/not-a-route", null, null).statusCode();

        assertThat(status).isIn(401, 403, 404);
    }

    private void expectRefused(Route route, Caller caller, List<String> failures, Integer... allowedStatuses) throws Exception {
        int status = call(route, caller);
        if (!List.of(allowedStatuses).contains(status)) {
            failures.add(route + " as " + caller.name() + ": expected " + List.of(allowedStatuses) + " but was " + status);
        }
    }

    private void expectNoServerError(Route route, Caller caller, List<String> failures) throws Exception {
        int status = call(route, caller);
        if (status >= 500) {
            failures.add(route + " as " + caller.name() + ": failed with " + status);
        }
    }

    private void expectAllowed(Route route, Caller caller, List<String> failures) throws Exception {
        int status = call(route, caller);
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(route + " as " + caller.name() + ": refused with " + status);
        }
        if (route.access() == Access.CUSTOMER_TOKEN && status == 404 && !route.pathVariables().stream().allMatch("id"::equals)) {
            return; // a route naming a second resource (a message id) may not find the placeholder one
        }
        if (route.access() == Access.CUSTOMER_TOKEN && status == 404) {
            failures.add(route + " as " + caller.name() + ": its own conversation was not found");
        }
    }

    private int call(Route route, Caller caller) throws Exception {
        String path = route.path(v -> v.equals("id") ? conversationId : UUID.randomUUID().toString());
        String body = route.method() == HttpMethod.GET || route.method() == HttpMethod.DELETE || route.method() == HttpMethod.HEAD
                ? null : "{\"clientMessageId\":\"access-" + UUID.randomUUID() + "\",\"text\":\"return policy\"}";
        return send(route.method().name(), path, caller.authorization(), body).statusCode();
    }

    private void checkSocket(Route route, List<String> failures) {
        String base = "ws://127.0.0.1:" + server.getPort() + route.path(v -> conversationId);
        try (LiveSocket wrong = LiveSocket.open(URI.create(base + "?token=" + otherToken));
             LiveSocket none = LiveSocket.open(URI.create(base))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> wrong.closed() && none.closed());
        } catch (RuntimeException e) {
            failures.add(route + ": a socket without the right token stayed open (" + e + ")");
        }
        try (LiveSocket right = LiveSocket.open(URI.create(base + "?token=" + token + "&after=0"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> right.frames().size() >= 2);
            if (right.closed()) {
                failures.add(route + ": the conversation's own token was refused");
            }
        } catch (RuntimeException e) {
            failures.add(route + ": the conversation's own token was refused (" + e + ")");
        }
    }

    /** Closed for anyone but an agent or admin; the console's socket carries the agent id in its JWT. */
    private void checkAgentSocket(Route route, String agentJwt, List<String> failures) throws Exception {
        String base = "ws://127.0.0.1:" + server.getPort() + route.path(v -> conversationId);
        for (String token : List.of("", token, jwt(List.of()), forgedJwt())) {
            try (LiveSocket refused = LiveSocket.open(URI.create(base + "?token=" + token))) {
                await().atMost(Duration.ofSeconds(5)).until(refused::closed);
            } catch (RuntimeException e) {
                failures.add(route + ": a socket without an agent's token stayed open (" + e + ")");
            }
        }
        try (LiveSocket allowed = LiveSocket.open(URI.create(base + "?token=" + agentJwt))) {
            Thread.sleep(500);
            if (allowed.closed()) {
                failures.add(route + ": an agent's token was refused");
            }
        } catch (RuntimeException e) {
            failures.add(route + ": an agent's token was refused (" + e + ")");
        }
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Real sign-ins: the agent API also checks that the signed-in user exists and is enabled. */
    private String login(String username, String password) throws Exception {
        String body = send("POST", "/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").body();
        return group(Pattern.compile("\"access_token\":\"([^\"]+)\""), body);
    }

    private String jwt(List<String> roles) {
        return jwt.generateToken(Authentication.build("user-" + roles, roles), 600).orElseThrow();
    }

    /** A well-formed HS256 token for an ADMIN, signed with a key the service does not have. */
    private static String forgedJwt() throws Exception {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
        long exp = System.currentTimeMillis() / 1000 + 600;
        String claims = b64.encodeToString(("{\"sub\":\"mallory\",\"roles\":[\"ADMIN\",\"AGENT\"],\"exp\":" + exp + "}").getBytes());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("not-the-service-secret-not-the-service-secret!!".getBytes(), "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes()));
        return header + "." + claims + "." + signature;
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertThat(m.find()).as("%s in %s", p, body).isTrue();
        return m.group(1);
    }

}
