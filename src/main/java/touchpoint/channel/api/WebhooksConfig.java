package touchpoint.channel.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Outbound webhooks of API channels ({@code touchpoint.webhooks.*}).
 *
 * @param allowPrivateNetworks deliver to URLs that resolve to loopback, private, link-local or other non-public
 *     addresses; off, because a webhook URL is chosen by whoever can configure a channel and would otherwise let them
 *     make the service call its own network (env {@code TOUCHPOINT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS}, for tests and
 *     local setups)
 * @param connectTimeout how long a delivery waits for the endpoint's connection
 * @param timeout how long a delivery waits for the endpoint's answer; a slower one counts as failed and is retried
 */
@ConfigurationProperties("touchpoint.webhooks")
public record WebhooksConfig(
        @Bindable(defaultValue = "false") boolean allowPrivateNetworks,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration timeout) {
}
