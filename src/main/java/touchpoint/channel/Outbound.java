package touchpoint.channel;

import touchpoint.chat.ConversationStatus;
import touchpoint.chat.TranscriptEvent;

/**
 * An event just appended to a conversation of a channel, as {@link ChannelType#deliveries} sees it inside the
 * appending transaction.
 *
 * @param thread the thread; its contact as this instance last saw it
 * @param previousStatus the conversation's status right before this event
 * @param status the conversation's status right after this event
 */
public record Outbound(Channel channel, ChannelThread thread, TranscriptEvent event, ConversationStatus previousStatus,
                       ConversationStatus status) {

    /** Whether this event moved the conversation to another status (to a person, back to the bot, resolved). */
    public boolean statusChanged() {
        return previousStatus != status;
    }
}
