package touchpoint.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The live sockets (the customer's conversation socket and the agent console's socket).
 *
 * @param heartbeat how often every open socket hears from the server, also when nothing happens; clients that
 *     hear nothing for a few of these treat the socket as dead and reconnect, catching up by sequence number
 */
@ConfigurationProperties("touchpoint.live")
public record LiveConfig(@Bindable(defaultValue = "20s") Duration heartbeat) {
}
