package touchpoint.channel;

import touchpoint.infra.Conflict;

/** The channel exists but an admin switched it off: it takes no messages until switched on again. */
public class ChannelDisabled extends Conflict {
    public ChannelDisabled() {
        super("This channel is disabled");
    }
}
