package touchpoint.channel.email;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The email channel's tables (V55); every insert keeps the first row written, so repeats and races change nothing. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EmailStore extends GenericRepository<EmailThreadRow, String> {

    @Query("INSERT INTO email_message (channel_id, message_hash, message_id, direction, conversation_id, outcome, created_at) "
            + "VALUES (:channelId, :messageHash, :messageId, :direction, :conversationId, :outcome, :createdAt) ON CONFLICT DO NOTHING")
    void recordMessage(String channelId, String messageHash, String messageId, String direction, @Nullable String conversationId,
                       String outcome, Instant createdAt);

    @Query("UPDATE email_message SET outcome = :outcome WHERE channel_id = :channelId AND message_hash = :messageHash")
    void updateOutcome(String channelId, String messageHash, String outcome);

    @Query("SELECT outcome FROM email_message WHERE channel_id = :channelId AND message_hash = :messageHash")
    Optional<String> outcomeOf(String channelId, String messageHash);

    @Query("SELECT conversation_id FROM email_message WHERE channel_id = :channelId AND message_hash IN (:hashes) "
            + "AND conversation_id IS NOT NULL ORDER BY created_at DESC LIMIT 1")
    Optional<String> conversationOf(String channelId, List<String> hashes);

    @Query("SELECT message_id FROM email_message WHERE conversation_id = :conversationId ORDER BY created_at, message_id")
    List<String> messageIdsOf(String conversationId);

    @Query("SELECT message_id FROM email_message WHERE conversation_id = :conversationId AND direction = 'in' "
            + "ORDER BY created_at DESC, message_id LIMIT 1")
    Optional<String> lastReceivedId(String conversationId);

    @Query("INSERT INTO email_thread (conversation_id, channel_id, ref, subject, customer, created_at) "
            + "VALUES (:conversationId, :channelId, :ref, :subject, :customer, :createdAt) ON CONFLICT DO NOTHING")
    void insertThread(String conversationId, String channelId, String ref, String subject, String customer, Instant createdAt);

    Optional<EmailThreadRow> findById(String conversationId);

    Optional<EmailThreadRow> findByRef(String ref);

    @Query("INSERT INTO email_sent_event (conversation_id, seq, message_hash) VALUES (:conversationId, :seq, :messageHash) "
            + "ON CONFLICT DO NOTHING")
    void recordSent(String conversationId, long seq, String messageHash);

    @Query("SELECT seq FROM email_sent_event WHERE conversation_id = :conversationId")
    List<Long> sentSeqs(String conversationId);
}
