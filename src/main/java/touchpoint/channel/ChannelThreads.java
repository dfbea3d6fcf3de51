package touchpoint.channel;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads the thread mapping ({@code channel_conversation}); the outbox needs it inside the transcript's writes. */
@Singleton
class ChannelThreads {

    private final ChannelThreadRepository threads;
    private final JsonMapper json;

    ChannelThreads(ChannelThreadRepository threads, JsonMapper json) {
        this.threads = threads;
        this.json = json;
    }

    Optional<ChannelThread> ofConversation(String conversationId) {
        return threads.findByConversationId(conversationId).map(this::toThread);
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
