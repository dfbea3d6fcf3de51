package touchpoint.channel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChannelThreadRepository extends CrudRepository<ChannelThreadRow, ChannelThreadRow.Key> {

    /** Keeps the first mapping written: two deliveries of a new thread's first message both offer one, the first stands. */
    @Query("""
            INSERT INTO channel_conversation (channel_id, external_key, conversation_id, contact, created_at, updated_at)
            VALUES (:channelId, :externalKey, :conversationId, :contact, :at, :at) ON CONFLICT DO NOTHING""")
    void insertIfAbsent(String channelId, String externalKey, String conversationId, String contact, Instant at);

    @Query("UPDATE channel_conversation SET contact = :contact, updated_at = :at WHERE channel_id = :channelId AND external_key = :externalKey")
    void updateContact(String channelId, String externalKey, String contact, Instant at);

    Optional<ChannelThreadRow> findByConversationId(String conversationId);
}
