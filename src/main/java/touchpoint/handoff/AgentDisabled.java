package touchpoint.handoff;

import touchpoint.infra.Forbidden;

/** A token outlives a disable: the user it names is disabled now, or gone. */
class AgentDisabled extends Forbidden {

    AgentDisabled(String message) {
        super(message);
    }
}
