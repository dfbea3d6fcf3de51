package touchpoint.channel;

/**
 * A channel's own conversation (a mail thread, a chat, an API client's conversation id) and the Touchpoint
 * conversation it is.
 *
 * @param externalKey the channel's key for it, unique within the channel
 */
public record ChannelThread(String channelId, String externalKey, String conversationId, Contact contact) {
}
