package touchpoint.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.uri.UriMatchVariable;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every route the running service answers, read from its {@link Router}, so suites that walk the routes cover
 * new endpoints the day they are added. Each route is classified by who may call it; a route no rule covers is
 * {@link Access#UNCLASSIFIED}, which the access test refuses until someone decides.
 */
public final class RouteCatalog {

    /** Who may call a route. */
    public enum Access {
        /** Anyone: pages, assets, health, metrics, the OpenAPI document. */
        PUBLIC,
        /** Signing in: anyone may try, and a wrong password is a 401 like any other refusal. */
        SIGN_IN,
        /** Anyone may start a conversation: that is how a customer gets a token. */
        START_CONVERSATION,
        /** Only the customer holding the conversation's token. */
        CUSTOMER_TOKEN,
        /** The live socket: its token travels as a query parameter. */
        CUSTOMER_SOCKET,
        /** The agent console's live socket: an AGENT or ADMIN JWT as the {@code token} query parameter. */
        AGENT_SOCKET,
        /** A signed-in agent, supervisor or admin (JWT with role AGENT or ADMIN; a SUPERVISOR's token carries AGENT too). */
        AGENT_OR_ADMIN,
        /** A signed-in supervisor or admin (JWT with role SUPERVISOR or ADMIN); what they see is narrowed to their teams. */
        SUPERVISOR,
        /** A signed-in admin (JWT with role ADMIN). */
        ADMIN,
        /** An API channel's own key as a bearer token; a wrong key and an unknown channel are both 401. */
        CHANNEL_KEY,
        UNCLASSIFIED
    }

    /** One callable route. */
    public record Route(HttpMethod method, String template, List<String> pathVariables, Access access) {

        /** The path with every path variable filled in by {@code values}. */
        public String path(Function<String, String> values) {
            Map<String, Object> vars = new LinkedHashMap<>();
            pathVariables.forEach(v -> vars.put(v, values.apply(v)));
            return new io.micronaut.http.uri.UriMatchTemplate(template).expand(vars);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * The access table, most specific prefix first. {@code /api/conversations/**} is the customer's,
     * {@code /api/agent/**} agents' and admins', {@code /api/admin/**} and {@code /api/analytics/**} admins' only.
     */
    private static final List<Map.Entry<String, Access>> PREFIXES = List.of(
            // A conversation's files: its customer token sends and reads them; staff read them too, with a JWT.
            Map.entry("/api/conversations/{id}/attachments", Access.CUSTOMER_TOKEN),
            Map.entry("/api/conversations/", Access.CUSTOMER_TOKEN),
            Map.entry("/ws/conversations/", Access.CUSTOMER_SOCKET),
            Map.entry("/ws/agent", Access.AGENT_SOCKET),
            // Includes the workspace: notes, labels, search, canned replies, agents' files.
            Map.entry("/api/agent/", Access.AGENT_OR_ADMIN),
            Map.entry("/api/agent", Access.AGENT_OR_ADMIN),
            Map.entry("/api/recovery/", Access.AGENT_OR_ADMIN),
            Map.entry("/api/supervisor/", Access.SUPERVISOR),
            Map.entry("/api/analytics/summary", Access.SUPERVISOR),
            Map.entry("/api/analytics/export.csv", Access.SUPERVISOR),
            // Includes /api/admin/canned-replies.
            Map.entry("/api/contacts/", Access.AGENT_OR_ADMIN),
            Map.entry("/api/contacts", Access.AGENT_OR_ADMIN),
            Map.entry("/api/admin/", Access.ADMIN),
            Map.entry("/api/channels/", Access.CHANNEL_KEY),
            Map.entry("/api/analytics/", Access.ADMIN),
            Map.entry("/api/analytics", Access.ADMIN),
            Map.entry("/login", Access.SIGN_IN),
            Map.entry("/logout", Access.SIGN_IN),
            Map.entry("/health", Access.PUBLIC),
            Map.entry("/prometheus", Access.PUBLIC),
            Map.entry("/openapi/", Access.PUBLIC),
            Map.entry("/widget.js", Access.PUBLIC),
            Map.entry("/api/help/", Access.PUBLIC),
            // A mailed survey link: the signed, expiring token in the path is its only credential.
            Map.entry("/email/survey/", Access.PUBLIC),
            Map.entry("/demo", Access.PUBLIC),
            Map.entry("/agent", Access.PUBLIC),
            Map.entry("/admin", Access.PUBLIC));

    private RouteCatalog() {
    }

    public static List<Route> routes(ApplicationContext context) {
        Router router = context.getBean(Router.class);
        return router.uriRoutes()
                .map(RouteCatalog::toRoute)
                .distinct()
                .sorted(Comparator.comparing(Route::template).thenComparing(r -> r.method().name()))
                .toList();
    }

    private static Route toRoute(UriRouteInfo<?, ?> info) {
        String template = info.getUriMatchTemplate().toString();
        List<String> pathVariables = info.getUriMatchTemplate().getVariables().stream()
                .filter(v -> !v.isQuery())
                .map(UriMatchVariable::getName)
                .toList();
        return new Route(info.getHttpMethod(), template, pathVariables, classify(info.getHttpMethod(), template));
    }

    static Access classify(HttpMethod method, String template) {
        String path = template.replaceAll("\\{\\?[^}]*}", "");
        if (path.equals("/api/conversations") && method == HttpMethod.POST) {
            return Access.START_CONVERSATION;
        }
        // A contact's export and erasure are admins' only; reading and attributes are agents' too.
        if (path.matches("/api/contacts/\\{[^}/]+}/export") || path.matches("/api/contacts/\\{[^}/]+}") && method == HttpMethod.DELETE) {
            return Access.ADMIN;
        }
        for (Map.Entry<String, Access> rule : PREFIXES) {
            if (path.startsWith(rule.getKey())) {
                return rule.getValue();
            }
        }
        return Access.UNCLASSIFIED;
    }
}
