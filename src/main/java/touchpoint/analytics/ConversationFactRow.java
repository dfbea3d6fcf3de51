package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One conversation flattened for analytics; see V20__analytics.sql and V36__analytics_reply_times.sql, V100__analytics_channel.sql. */
@MappedEntity("analytics_conversation")
record ConversationFactRow(
        @Id String conversationId,
        String touchpoint,
        Instant startedAt,
        LocalDate startedDay,
        @Nullable Instant firstCustomerAt,
        int customerMessages,
        @Nullable String firstQuestion,
        boolean escalated,
        @Nullable String handoffReason,
        boolean resolved,
        boolean resolvedByPerson,
        @Nullable Instant resolvedAt,
        @Nullable String agentId,
        @Nullable String team,
        @Nullable String lastFaqId,
        @Nullable Integer cesScore,
        @Nullable Integer csatScore,
        @Nullable String csatComment,
        @Nullable Integer npsScore,
        long lastSeq,
        @Nullable Instant handoffAt,
        @Nullable Instant firstHumanReplyAt,
        int botReplies,
        long botReplyMsTotal,
        int projectionVersion,
        @Nullable String channelId,
        @Nullable String channelType) {

    /** The customer wrote at least once: only such conversations can be contained or escalated. */
    boolean engaged() {
        return customerMessages > 0;
    }

    /**
     * Seconds the customer waited for a person: from the hand-off (see {@code handoffAt}) to a person's first reply.
     * Absent when nobody took over, or nobody has replied yet.
     */
    @Nullable
    Double firstHumanResponseSeconds() {
        return handoffAt == null || firstHumanReplyAt == null ? null : seconds(handoffAt, firstHumanReplyAt);
    }

    /** The conversation's mean milliseconds from a customer message to the bot's reply; absent without one. */
    @Nullable
    Double botReplyMillisMean() {
        return botReplies == 0 ? null : (double) botReplyMsTotal / botReplies;
    }

    /** Seconds from the first customer message (or the start, if the customer never wrote) to the first resolution. */
    @Nullable
    Double resolutionSeconds() {
        if (resolvedAt == null) {
            return null;
        }
        return seconds(firstCustomerAt == null ? startedAt : firstCustomerAt, resolvedAt);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
