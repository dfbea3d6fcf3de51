package touchpoint.handoff;

import touchpoint.infra.Forbidden;

/** Only the agent a conversation is with (or an admin) writes to it. */
class OwnedByAnotherAgent extends Forbidden {

    OwnedByAnotherAgent() {
        super("Another agent owns this conversation");
    }
}
