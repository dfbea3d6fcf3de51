package touchpoint.channel;

import touchpoint.chat.ConversationStatus;
import touchpoint.chat.TranscriptEvent;

/**
 * An event just appended to a conversation of a channel, as {@link ChannelType#deliveries} sees it inside the
 * appending transaction.
 *
 * @param status the conversation's status right after this event
 */
public record Outbound(Channel channel, ChannelThread thread, TranscriptEvent event, ConversationStatus status) {
}
