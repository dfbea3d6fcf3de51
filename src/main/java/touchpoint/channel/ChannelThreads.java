package touchpoint.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads the thread mapping ({@code channel_conversation}); the outbox needs it inside the transcript's writes.
 *
 * <p>Which conversation a thread is never changes once written (the first mapping stands), so this instance remembers
 * it both ways once it has seen the conversation exist: a thread's later messages and the outbox's per-event check
 * read nothing. Only that pair is remembered: the contact on the row changes (a later message, an erasure, another
 * instance), so it is read from the table whenever it matters.
 */
@Singleton
class ChannelThreads {

    /**
     * Bounded for the service's memory aim: a few hundred bytes each, twice, and a thread that drops out costs one
     * indexed read the next time.
     */
    private static final int REMEMBERED = 10_000;

    /**
     * A thread and its conversation.
     *
     * @param contact as this instance last read or wrote it: for showing, never for deciding what to write
     */
    record Known(String channelId, String externalKey, String conversationId, Contact contact) {

        ChannelThread thread() {
            return new ChannelThread(channelId, externalKey, conversationId, contact);
        }
    }

    private final ChannelThreadRepository threads;
    private final JsonMapper json;
    /** Threads whose conversation is known to exist: only those skip the check that it does. */
    private final Cache<ChannelThreadRow.Key, Known> started = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private final Cache<String, Known> byConversation = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    ChannelThreads(ChannelThreadRepository threads, JsonMapper json) {
        this.threads = threads;
        this.json = json;
    }

    Optional<ChannelThread> ofConversation(String conversationId) {
        return threads.findByConversationId(conversationId).map(this::toThread);
    }

    /**
     * The channel and thread of a conversation, without its contact; empty for a conversation no channel thread maps to
     * (the widget's). Only a mapping is remembered, never its absence: a widget conversation can move to a channel later.
     */
    Optional<Known> keyOf(String conversationId) {
        Known known = byConversation.getIfPresent(conversationId);
        if (known != null) {
            return Optional.of(known);
        }
        // Not marked started: this may run inside the very write that starts the conversation, which can still roll back.
        return threads.findByConversationId(conversationId).map(row -> {
            Known read = known(row.key(), row.conversationId(), contact(row.contact()));
            byConversation.put(read.conversationId(), read);
            return read;
        });
    }

    /** A thread this instance has seen its conversation exist for; empty when it has not (read the table then). */
    Optional<Known> started(String channelId, String externalKey) {
        return Optional.ofNullable(started.getIfPresent(new ChannelThreadRow.Key(channelId, externalKey)));
    }

    /** Called once the thread's conversation is known to exist (committed), with the contact as just read or written. */
    void startedWith(ChannelThread thread) {
        Known known = known(new ChannelThreadRow.Key(thread.channelId(), thread.externalKey()), thread.conversationId(), thread.contact());
        started.put(new ChannelThreadRow.Key(thread.channelId(), thread.externalKey()), known);
        byConversation.put(thread.conversationId(), known);
    }

    /** An erased conversation's contact leaves memory too; the mapping itself stays, as it does in the table. */
    void forgetContact(String conversationId) {
        byConversation.invalidate(conversationId);
        started.asMap().values().removeIf(k -> k.conversationId().equals(conversationId));
    }

    private static Known known(ChannelThreadRow.Key key, String conversationId, Contact contact) {
        return new Known(key.channelId(), key.externalKey(), conversationId, contact);
    }

    Optional<ChannelThread> find(String channelId, String externalKey) {
        return threads.findById(new ChannelThreadRow.Key(channelId, externalKey)).map(this::toThread);
    }

    ChannelThread toThread(ChannelThreadRow row) {
        return new ChannelThread(row.key().channelId(), row.key().externalKey(), row.conversationId(), contact(row.contact()));
    }

    String write(Contact contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Contact contact(String stored) {
        try {
            return json.readValue(stored, Contact.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
