package touchpoint.infra;

import java.util.LinkedHashSet;
import java.util.Set;

/** The role names users hold and tokens carry in their {@code roles} claim; every feature checks these. */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String ADMIN = "ADMIN";
    /** Watches and steers the queues, conversations and agents of their teams and sub-teams. */
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final Set<String> ALL = Set.of(AGENT, SUPERVISOR, ADMIN);

    private Roles() {
    }

    /**
     * The roles a token carries for a user holding {@code held}: a supervisor works in the agent console too (joins
     * a conversation with a private note, reads transcripts), so SUPERVISOR grants AGENT's routes. Kept in the
     * token rather than repeated on every agent route, so a new agent route admits supervisors the day it is added.
     */
    public static Set<String> granted(Set<String> held) {
        Set<String> roles = new LinkedHashSet<>(held);
        if (roles.contains(SUPERVISOR)) {
            roles.add(AGENT);
        }
        return roles;
    }
}
