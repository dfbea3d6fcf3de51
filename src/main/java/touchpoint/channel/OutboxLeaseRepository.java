package touchpoint.channel;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/**
 * Leases on channels' queues. Taking one is a single conditional UPDATE, atomic on PostgreSQL and H2 alike, and no
 * row lock is held while a delivery is on the wire.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxLeaseRepository extends GenericRepository<OutboxLeaseRepository.Lease, String> {

    @MappedEntity("channel_outbox_lease")
    record Lease(@Id String channelId, String holder, Instant leasedUntil) {
    }

    @Query("INSERT INTO channel_outbox_lease (channel_id, holder, leased_until) VALUES (:channelId, '', :past) ON CONFLICT DO NOTHING")
    void ensure(String channelId, Instant past);

    /** 1 when {@code holder} now holds the channel's lease until {@code until}: it was free, expired, or already theirs. */
    @Query("UPDATE channel_outbox_lease SET holder = :holder, leased_until = :until WHERE channel_id = :channelId AND (leased_until < :now OR holder = :holder)")
    int acquire(String channelId, String holder, Instant now, Instant until);

    @Query("UPDATE channel_outbox_lease SET leased_until = :past WHERE channel_id = :channelId AND holder = :holder")
    int release(String channelId, String holder, Instant past);
}
