package touchpoint.channel;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.chat.TranscriptProjection;

/**
 * Writes the outbox rows for an event of a channel's conversation inside the transaction that appends the event: the
 * event and its deliveries commit together or not at all, so none is lost and none is sent for a rolled-back event.
 * The widget's conversations are not looked at beyond their channel type.
 */
@Singleton
class ChannelOutbox implements TranscriptProjection {

    private final ChannelStore store;
    private final ChannelDirectory directory;
    private final OutboxRepository outbox;
    private final ChannelThreads threads;

    ChannelOutbox(ChannelStore store, ChannelDirectory directory, OutboxRepository outbox,
                  ChannelThreads threads, ChannelsConfig config) {
        this.delivering = config.deliveryEnabled();
        this.store = store;
        this.directory = directory;
        this.outbox = outbox;
        this.threads = threads;
    }

    /**
     * The status after the last event this projection saw in a write still in progress: the session's row carries the
     * status from before the write, and one write can append several events. Weak keys: a finished write is forgotten.
     */
    private final Map<Transcript.Session, ConversationStatus> lastStatus = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Conversations whose write added outbox rows not yet handed to the dispatcher. A write that rolls back leaves its
     * entry, which only makes that conversation's next write wake the dispatcher once more.
     */
    private final Set<String> unannounced = ConcurrentHashMap.newKeySet();
    /** An instance that delivers nothing has no dispatcher to take the entries. */
    private final boolean delivering;

    /** Whether rows were written for the conversation since last asked: the dispatcher wakes only for those writes. */
    boolean takeWritten(String conversationId) {
        return unannounced.remove(conversationId);
    }

    @Override
    public void apply(Transcript.Session session, TranscriptEvent event) {
        ConversationSummary conversation = session.conversation();
        if (Channel.WEB.equals(conversation.channelType())) {
            return;
        }
        ConversationStatus previous = lastStatus.getOrDefault(session, conversation.status());
        lastStatus.put(session, session.state().status());
        // Both from memory on a channel's turn: the channel from the store's snapshot, the thread as the inbox just saw it.
        Channel channel = store.find(conversation.channelId()).orElse(null);
        if (channel == null) {
            return;
        }
        Optional<ChannelType> type = directory.typeOf(channel);
        Optional<ChannelThreads.Known> thread = threads.keyOf(conversation.id());
        if (type.isEmpty() || thread.isEmpty()) {
            return;
        }
        List<String> topics = type.get().deliveries(new Outbound(channel, thread.get().thread(), event, previous, session.state().status()));
        if (delivering && !topics.isEmpty()) {
            unannounced.add(conversation.id());
        }
        for (String topic : topics) {
            outbox.save(new OutboxRow(null, channel.id(), conversation.id(), thread.get().externalKey(), event.seq(), event.id(),
                    topic, session.state().status().name(), OutboxRow.PENDING, 0, event.createdAt(), event.createdAt(), null, null, null));
        }
    }
}
