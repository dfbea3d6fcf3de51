package touchpoint.channel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRepository extends CrudRepository<OutboxRow, Long> {

    @Query("SELECT DISTINCT channel_id FROM channel_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now")
    List<String> channelsWithDue(Instant now);

    /** The head of a channel's queue: its oldest undelivered rows, in the order they are to be delivered. */
    @Query("SELECT * FROM channel_outbox WHERE status = 'PENDING' AND channel_id = :channelId ORDER BY id LIMIT :limit")
    List<OutboxRow> head(String channelId, int limit);

    @Query("UPDATE channel_outbox SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, last_error = NULL WHERE id = :id AND status = 'PENDING'")
    int delivered(long id, Instant at);

    @Query("UPDATE channel_outbox SET status = :status, attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id AND status = 'PENDING'")
    int attemptFailed(long id, String status, Instant next, String error);

    /** Brings a waiting row's next attempt forward to {@code at}; never puts it later. */
    @Query("UPDATE channel_outbox SET next_attempt_at = :at WHERE id = :id AND status = 'PENDING' AND next_attempt_at > :at")
    int bringForward(long id, Instant at);

    @Query("SELECT * FROM channel_outbox WHERE channel_id = :channelId ORDER BY id DESC LIMIT :limit")
    List<OutboxRow> latest(String channelId, int limit);

    @Query("SELECT * FROM channel_outbox WHERE channel_id = :channelId AND status = :status ORDER BY id DESC LIMIT :limit")
    List<OutboxRow> latestWithStatus(String channelId, String status, int limit);

    @Query("SELECT COUNT(*) FROM channel_outbox WHERE channel_id = :channelId AND status = 'PENDING'")
    long pending(String channelId);
}
