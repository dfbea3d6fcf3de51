package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How a service-recovery follow-up reaches the customer. Without this hook it is the conversation's own channel; the
 * channels feature fills it in so that a widget conversation whose customer's email address is known continues by
 * email, and the agent is told which way it will go before sending. Surveys never learn how a channel works.
 */
public interface FollowUpRoutes {

    /** The way a follow-up would go now, for the draft; changes nothing. */
    Route plan(String conversationId);

    /**
     * Puts the conversation on the way {@link #plan} names; called inside the follow-up's transaction, just before the
     * follow-up is appended, so the follow-up and the move commit together or not at all.
     */
    Route take(String conversationId);

    /**
     * @param deliveredVia {@code web} (the widget: the customer sees it when they come back), {@code email}, or the
     *     conversation's channel type ({@code api}, {@code telegram}...)
     * @param maskedAddress the mailbox it goes to, masked ({@code b***@example.org}), when it goes by email
     * @param note why it goes this way, for the agent, when that is worth saying (no address known, no email channel)
     */
    @Serdeable
    record Route(String deliveredVia, @Nullable String maskedAddress, @Nullable String note) {

        public static Route of(String channelType) {
            return new Route(channelType, null, null);
        }
    }
}
