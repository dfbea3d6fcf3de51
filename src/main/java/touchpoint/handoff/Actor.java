package touchpoint.handoff;

/** Who acts: the logged-in agent (other features that act for staff, such as the workspace, ask CurrentAgent). */
public record Actor(String agentId, String displayName, boolean admin) {
}
