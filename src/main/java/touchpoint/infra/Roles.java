package touchpoint.infra;

import java.util.Set;

/** The role names users hold and tokens carry in their {@code roles} claim; every feature checks these. */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String ADMIN = "ADMIN";
    public static final Set<String> ALL = Set.of(AGENT, ADMIN);

    private Roles() {
    }
}
