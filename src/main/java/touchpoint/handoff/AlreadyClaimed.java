package touchpoint.handoff;

import touchpoint.infra.Conflict;

/** The conversation no longer waits for an agent: someone claimed it first, or it went back to the bot. */
class AlreadyClaimed extends Conflict {

    AlreadyClaimed() {
        super("The conversation is not waiting for an agent");
    }
}
