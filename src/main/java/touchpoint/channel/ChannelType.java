package touchpoint.channel;

import java.util.List;

/**
 * What a kind of channel (email, a messaging platform, the API channel) plugs into the core with. One
 * {@code @Singleton} per type; the core finds them by {@link #type()}.
 *
 * <ul>
 *   <li>Inbound, the type's own adapter (a controller, a mail poller) authenticates the sender its own way and hands
 *       the text to {@link ChannelInbox#receive}: the same turn as the widget's.</li>
 *   <li>Outbound, {@link #deliveries} is asked inside the transaction that appends each event of the channel's
 *       conversations which deliveries it makes; the core stores them in the channel outbox in that same transaction
 *       and later hands each to {@link #deliver}, off the customer's turn, at least once, in order per channel,
 *       retrying with backoff when it throws.</li>
 *   <li>Administration: {@link #configure} checks the admin's fields and says which are settings and which secrets.</li>
 * </ul>
 */
public interface ChannelType {

    /** The stored type name: {@code email}, {@code telegram}, {@code api}. */
    String type();

    /** The names of the secrets a channel of this type can hold; the admin API shows whether each is set. */
    default List<String> secretNames() {
        return List.of();
    }

    /**
     * Checks the admin's type-specific fields and records what to keep: settings with {@code setup.setting}, secrets with
     * {@code setup.secret} / {@code setup.generatedSecret} / {@code setup.generatedKey}. On creation every field the
     * type needs must be given; on an update only the changed ones are (read {@code fields.existing()} for the rest).
     * Throw {@link touchpoint.infra.InvalidRequest} naming the field for a wrong value; a field the type never read is
     * refused by the core.
     */
    void configure(ChannelFields fields, ChannelSetup setup);

    /**
     * Called after a channel of this type was saved and is enabled: created enabled, enabled later, or changed while
     * enabled (register a platform webhook here: the channel id is known now). Throwing undoes the create or update
     * and the admin sees the error; throw {@link touchpoint.infra.InvalidRequest} for a setting the platform refused.
     */
    default void activated(Channel channel) {
    }

    /** Called after a channel of this type was disabled (unregister a platform webhook here). */
    default void deactivated(Channel channel) {
    }

    /**
     * The deliveries this event of one of the channel's conversations makes, by topic name (the type's own words:
     * {@code message.created}, {@code message}); empty for none. Runs inside the appending transaction, so it must only
     * decide, never send: no I/O.
     */
    default List<String> deliveries(Outbound event) {
        return List.of();
    }

    /**
     * Sends one delivery. Called off the customer's turn, at least once (a retry after a crash repeats one: use
     * {@link Delivery#id()} as the idempotency key where the other side has one), and in order per channel. Throw to
     * have it retried later with backoff; return normally once the other side has it.
     */
    default void deliver(Delivery delivery) throws Exception {
        throw new UnsupportedOperationException(type() + " channels deliver nothing");
    }
}
