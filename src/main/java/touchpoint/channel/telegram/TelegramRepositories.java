package touchpoint.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** The connector's own tables (V58): received update ids, sent messages, webhook registrations. */
final class TelegramRepositories {

    private TelegramRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface UpdateRepository extends GenericRepository<UpdateRow, UpdateRow.Key> {

        /** 1 when this update is new, 0 when it was received before (or is being handled right now). */
        @Query("INSERT INTO telegram_update (channel_id, update_id, received_at) VALUES (:channelId, :updateId, :at) ON CONFLICT DO NOTHING")
        long insertIfAbsent(String channelId, long updateId, Instant at);

        /** Forgets an update whose handling failed, so Telegram's next delivery of it is handled again. */
        @Query("DELETE FROM telegram_update WHERE channel_id = :channelId AND update_id = :updateId")
        void forget(String channelId, long updateId);

        @Query("DELETE FROM telegram_update WHERE received_at < :before")
        long deleteReceivedBefore(Instant before);
    }

    @MappedEntity("telegram_update")
    record UpdateRow(@EmbeddedId Key key, Instant receivedAt) {

        @Embeddable
        record Key(@MappedProperty("channel_id") String channelId, @MappedProperty("update_id") long updateId) {
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SentRepository extends CrudRepository<SentRow, SentRow.Key> {

        List<SentRow> findByKeyDeliveryId(long deliveryId);

        List<SentRow> findByConversationIdAndSeq(String conversationId, long seq);
    }

    @MappedEntity("telegram_sent")
    record SentRow(@EmbeddedId Key key, String channelId, long chatId, long messageId, String conversationId, long seq,
                   boolean hasKeyboard, Instant sentAt) {

        @Embeddable
        record Key(@MappedProperty("delivery_id") long deliveryId, @MappedProperty("part") int part) {
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface WebhookRepository extends CrudRepository<WebhookRow, String> {

        /** The admin's hook and the scheduled pass may meet on a new channel: the first row stands, then both update it. */
        @Query("""
                INSERT INTO telegram_webhook (channel_id, url, registered, channel_version, last_error, checked_at)
                VALUES (:channelId, NULL, FALSE, :at, NULL, :at) ON CONFLICT DO NOTHING""")
        void insertIfAbsent(String channelId, Instant at);
    }

    /**
     * @param channelVersion the channel's {@code updated_at} this registration was made for
     * @param lastError why Telegram refused the last call, for the admin; null after a success
     */
    @MappedEntity("telegram_webhook")
    record WebhookRow(@Id String channelId, @Nullable String url, boolean registered, Instant channelVersion,
                      @Nullable String lastError, Instant checkedAt) {
    }
}
