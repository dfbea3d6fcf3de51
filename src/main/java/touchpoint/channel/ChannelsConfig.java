package touchpoint.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Channels and their outbound delivery ({@code touchpoint.channels.*}).
 *
 * @param deliveryEnabled whether this instance delivers the outbox at all (another instance may do it alone)
 * @param deliveryPoll how often the outbox is looked at for due retries and rows written by other instances; rows this
 *     instance writes are picked up at once
 * @param deliveryThreads channels delivered at the same time; one channel's deliveries are always one after another
 * @param deliveryBatch rows of one channel read at a time
 * @param retryFor how long a failing delivery is retried before it is given up as FAILED (the spec asks for a day at least)
 * @param backoffInitial the wait after the first failure; it doubles with every further failure, with jitter
 * @param backoffMax the longest wait between two attempts
 * @param probeInterval the longest wait between two attempts while later deliveries of the channel wait behind the
 *     failing one: a queue held back by a long outage is released soon after the endpoint answers again, for one
 *     request per interval to an endpoint that is still down; a failing delivery with nothing behind it backs off up
 *     to {@code backoffMax}
 * @param lease how long an instance holds a channel's queue without renewing it; after a crash another instance takes
 *     over after at most this long
 * @param cacheFor the longest an instance serves channels from memory without reading the table again; changes reach
 *     every instance at once over the live bus, so this only bounds how long a change announced while Redis was
 *     unreachable goes unseen
 */
@ConfigurationProperties("touchpoint.channels")
public record ChannelsConfig(
        @Bindable(defaultValue = "true") boolean deliveryEnabled,
        @Bindable(defaultValue = "1s") Duration deliveryPoll,
        @Bindable(defaultValue = "4") int deliveryThreads,
        @Bindable(defaultValue = "200") int deliveryBatch,
        @Bindable(defaultValue = "26h") Duration retryFor,
        @Bindable(defaultValue = "1s") Duration backoffInitial,
        @Bindable(defaultValue = "1h") Duration backoffMax,
        @Bindable(defaultValue = "30s") Duration probeInterval,
        @Bindable(defaultValue = "60s") Duration lease,
        @Bindable(defaultValue = "10s") Duration cacheFor) {
}
