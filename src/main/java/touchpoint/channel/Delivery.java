package touchpoint.channel;

import java.time.Instant;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.TranscriptEvent;

/**
 * One outbound delivery from the channel outbox, as {@link ChannelType#deliver} receives it.
 *
 * @param id stable across retries: the idempotency key for the other side ({@code webhook-id} is made of it)
 * @param topic what {@link ChannelType#deliveries} named it
 * @param status the conversation's status right after the event
 * @param attempt 1 on the first try
 * @param createdAt when the event was appended (and the delivery stored)
 */
public record Delivery(long id, String topic, Channel channel, ChannelThread thread, TranscriptEvent event,
                       ConversationStatus status, int attempt, Instant createdAt) {
}
