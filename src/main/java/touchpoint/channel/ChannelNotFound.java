package touchpoint.channel;

import touchpoint.infra.NotFound;

/** No channel with that id. */
public class ChannelNotFound extends NotFound {
    public ChannelNotFound() {
        super("No channel with that id");
    }
}
