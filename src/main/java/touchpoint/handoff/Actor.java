package touchpoint.handoff;

/** Who acts: the logged-in agent. */
record Actor(String agentId, String displayName, boolean admin) {
}
