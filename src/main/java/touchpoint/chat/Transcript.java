package touchpoint.chat;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import touchpoint.infra.Ids;
import touchpoint.infra.LiveBus;

/**
 * The conversation log: the only writer of {@code conversation_event}. Every write locks the conversation,
 * replays its state, lets the caller decide what to append, stores it, and only after the commit
 * tells listeners and live connections.
 */
@Singleton
public class Transcript {

    private final ConversationRepository conversations;
    private final EventRepository events;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final EventCodec codec;
    private final Ids ids;
    private final Clock clock;
    private final LiveBus liveBus;
    private final ApplicationEventPublisher<TranscriptAppended> appended;
    private final List<TranscriptProjection> projections;
    private final TranscriptRedactions redactions;
    private final RecentLogs recent = new RecentLogs();

    Transcript(ConversationRepository conversations, EventRepository events, TransactionOperations<Connection> tx,
               JsonMapper json, Ids ids, Clock clock, LiveBus liveBus, ApplicationEventPublisher<TranscriptAppended> appended,
               List<TranscriptProjection> projections, TranscriptRedactions redactions) {
        this.conversations = conversations;
        this.events = events;
        this.tx = tx;
        this.json = json;
        this.codec = new EventCodec(json);
        this.ids = ids;
        this.clock = clock;
        this.liveBus = liveBus;
        this.appended = appended;
        this.projections = List.copyOf(projections);
        this.redactions = redactions;
    }

    /** What a write does inside the conversation's lock. */
    @FunctionalInterface
    public interface Writer<R> {
        R write(Session session);
    }

    /** Result of a write: the caller's value, what was stored, and the conversation's row and state after it. */
    public record Written<R>(R value, List<TranscriptEvent> stored, ConversationSummary conversation, ConversationState state) {
    }

    /** Starts a widget conversation and writes its first events in one transaction. */
    public <R> Written<R> start(String id, String tokenHash, String touchpoint, String locale, Writer<R> writer) {
        return start(id, tokenHash, touchpoint, locale, ConversationSummary.WEB, ConversationSummary.WEB, writer);
    }

    /** Starts a conversation of a channel and writes its first events in one transaction. */
    public <R> Written<R> start(String id, String tokenHash, String touchpoint, String locale, String channelId,
                                String channelType, Writer<R> writer) {
        return commitThenPublish(() -> {
            Instant now = clock.instant();
            ConversationRow row = conversations.save(new ConversationRow(id, tokenHash, touchpoint, locale,
                    ConversationStatus.BOT.name(), 0, now, now, null, null, channelId, channelType));
            return runWriter(row, List.of(), writer);
        });
    }

    /** Locks the conversation and lets {@code writer} append to it; empty when the conversation does not exist. */
    public <R> Optional<Written<R>> write(String conversationId, Writer<R> writer) {
        return write(conversationId, null, writer);
    }

    /**
     * Like {@link #write(String, Writer)}, with the conversation's events as the caller read them before the lock:
     * when nothing was appended since (the locked row's last sequence number is theirs), the state is replayed
     * from them instead of reading the log again.
     */
    public <R> Optional<Written<R>> write(String conversationId, List<TranscriptEvent> readBefore, Writer<R> writer) {
        // Inside a caller's transaction the log read here may hold that caller's uncommitted events: never keep it.
        boolean nested = tx.findTransactionStatus().isPresent();
        Written<R> result = commitThenPublish(() -> conversations.findByIdForUpdate(conversationId)
                .map(row -> runWriter(row, stillCurrent(readBefore, row) ? readBefore
                        : nested ? load(conversationId) : logEndingAt(conversationId, row.lastSeq()), writer))
                .orElse(null));
        return Optional.ofNullable(result);
    }

    /**
     * Moves a conversation onto another channel (a widget visitor's offline message continued by email): its later
     * events go out through that channel. Empty when the conversation does not exist.
     */
    public Optional<ConversationSummary> moveToChannel(String conversationId, String channelId, String channelType) {
        return Optional.ofNullable(tx.executeWrite(status -> conversations.findByIdForUpdate(conversationId)
                .map(row -> ConversationSummary.of(conversations.update(row.onChannel(channelId, channelType))))
                .orElse(null)));
    }

    private static boolean stillCurrent(List<TranscriptEvent> readBefore, ConversationRow lockedRow) {
        return readBefore != null
                && (readBefore.isEmpty() ? 0 : readBefore.get(readBefore.size() - 1).seq()) == lockedRow.lastSeq();
    }

    public List<TranscriptEvent> events(String conversationId) {
        return load(conversationId);
    }

    /**
     * The conversation's log, at least up to the row's last sequence number: from memory when this instance holds
     * exactly that log, otherwise read (and then possibly longer, if a write committed since the row was read).
     *
     * @param conversation the conversation's row, read before this call
     */
    public List<TranscriptEvent> events(ConversationSummary conversation) {
        return logEndingAt(conversation.id(), conversation.lastSeq());
    }

    private List<TranscriptEvent> logEndingAt(String conversationId, long lastSeq) {
        return recent.endingAt(conversationId, lastSeq).orElseGet(() -> {
            List<TranscriptEvent> read = load(conversationId);
            recent.read(conversationId, read);
            return read;
        });
    }

    /** Drops what this instance holds of a redacted transcript, whichever instance redacted it. */
    @io.micronaut.runtime.event.annotation.EventListener
    void onRedacted(TranscriptRedactions.TranscriptRedacted redacted) {
        recent.forget(redacted.conversationId());
    }

    public List<TranscriptEvent> eventsAfter(String conversationId, long seq) {
        return events.findByConversationIdAndSeqGreaterThanOrderBySeq(conversationId, seq).stream().map(this::toEvent).toList();
    }

    /** What the customer may see after {@code seq}: every event but the staff's own (notes, labels). */
    public List<TranscriptEvent> customerEventsAfter(String conversationId, long seq) {
        return eventsAfter(conversationId, seq).stream().filter(e -> e.type().customerVisible()).toList();
    }

    public ConversationState state(String conversationId) {
        return ConversationState.replay(conversationId, load(conversationId));
    }

    public Optional<ConversationSummary> conversation(String conversationId) {
        return conversations.findById(conversationId).map(ConversationSummary::of);
    }

    public List<ConversationSummary> withStatus(ConversationStatus status) {
        return conversations.findByStatusOrderByUpdatedAt(status.name()).stream().map(ConversationSummary::of).toList();
    }

    public Optional<TranscriptEvent> message(String conversationId, String messageId) {
        return events.findByMessageId(messageId)
                .filter(row -> row.conversationId().equals(conversationId))
                .map(this::toEvent);
    }

    /** The customer a conversation belongs to, as the log's CONTACT_IDENTIFIED events say; empty while anonymous. */
    public Optional<String> contactOf(String conversationId) {
        return conversations.findById(conversationId).map(ConversationRow::contactId);
    }

    /** A contact's conversations, oldest first. */
    public List<ConversationSummary> conversationsOf(String contactId) {
        return conversations.findByContactIdOrderByCreatedAt(contactId).stream().map(ConversationSummary::of).toList();
    }

    /** A conversation with the contact it belongs to. */
    public record ContactConversation(String contactId, ConversationSummary conversation) {
    }

    /** Conversations that belong to a contact, started in [from, to), oldest first: the journey figures' input. */
    public List<ContactConversation> withContactStartedBetween(Instant from, Instant to) {
        return conversations.findByContactIdIsNotNullAndCreatedAtBetweenOrderByCreatedAt(from, to).stream()
                .map(row -> new ContactConversation(row.contactId(), ConversationSummary.of(row))).toList();
    }

    /** Ids of conversations last written before {@code cutoff} with something written since their last redaction. */
    public List<String> unredactedBefore(Instant cutoff, int limit) {
        return conversations.findUnredactedBefore(cutoff, limit);
    }

    /**
     * Removes what the customer and the people serving them wrote from every event of the conversation, and the
     * personal facts in the events' data ({@link EventData#redacted()}), then appends TRANSCRIPT_REDACTED. The
     * events themselves stay, with their sequence numbers, types and times, so counts and totals do not move.
     * The only rewrite of stored events, and only ever to remove. After the commit every instance hears of it
     * ({@link TranscriptRedactions}), so read models and caches drop the text as well.
     *
     * @return false when the conversation does not exist
     */
    public boolean redact(String conversationId, String reason) {
        Written<Void> written = commitThenPublish(() -> conversations.findByIdForUpdate(conversationId).map(row -> {
            for (EventRow event : events.findByConversationIdOrderBySeq(conversationId)) {
                String payload = codec.redactedPayload(event);
                if (!payload.equals(event.payload())) {
                    events.update(new EventRow(event.id(), event.conversationId(), event.seq(), event.messageId(),
                            event.eventType(), event.clientMessageId(), event.inReplyTo(), event.createdAt(), payload));
                }
            }
            Writer<Void> marker = session -> {
                session.append(NewEvent.of(new EventData.TranscriptRedacted(reason)));
                return null;
            };
            return runWriter(row, load(conversationId), marker);
        }).orElse(null));
        if (written == null) {
            return false;
        }
        redactions.announce(conversationId);
        return true;
    }

    /** Checks a customer's bearer token; false both for a wrong token and an unknown conversation. */
    public boolean tokenMatches(String conversationId, String token) {
        return authorized(conversationId, token).isPresent();
    }

    /** The conversation this bearer token opens; empty both for a wrong token and an unknown conversation. */
    public Optional<ConversationSummary> authorized(String conversationId, String token) {
        Optional<ConversationRow> row = conversations.findById(conversationId);
        // Hash even when the conversation is unknown so both paths take the same time.
        String expected = row.map(ConversationRow::tokenHash).orElse(Ids.hash("absent"));
        return Ids.matches(token, expected) ? row.map(ConversationSummary::of) : Optional.empty();
    }

    List<TranscriptEvent> load(String conversationId) {
        return events.findByConversationIdOrderBySeq(conversationId).stream().map(this::toEvent).toList();
    }

    /** @param log every event of the conversation up to the locked row's last sequence number */
    private <R> Written<R> runWriter(ConversationRow row, List<TranscriptEvent> log, Writer<R> writer) {
        ConversationState state = ConversationState.replay(row.id(), log);
        Session session = new Session(row, state, log);
        R value = writer.write(session);
        ConversationRow updated = row;
        if (!session.stored.isEmpty()) {
            List<TranscriptEvent> appended = List.copyOf(session.stored);
            projections.forEach(p -> p.applyWrite(session, appended));
            updated = conversations.update(row.advancedTo(state, clock.instant()));
        }
        return new Written<>(value, List.copyOf(session.stored), ConversationSummary.of(updated), session.state);
    }

    private <R> Written<R> commitThenPublish(java.util.function.Supplier<Written<R>> work) {
        boolean nested = tx.findTransactionStatus().isPresent();
        Written<R> written = tx.executeWrite(status -> work.get());
        if (written != null && !written.stored().isEmpty()) {
            String conversationId = written.stored().get(0).conversationId();
            if (nested) {
                // Joined a caller's transaction, which may still roll back: these events are not committed yet.
                recent.forget(conversationId);
            } else if (written.stored().stream().anyMatch(e -> e.is(EventType.TRANSCRIPT_REDACTED))) {
                // The earlier events were rewritten in this write: what is held of them is the text being erased.
                recent.forget(conversationId);
            } else {
                recent.written(conversationId, written.stored());
            }
        }
        if (written != null) {
            // Live delivery first: a listener may write again (an escalation after a fallback), and its events
            // must reach sockets after the ones that caused them, not before.
            for (TranscriptEvent event : written.stored()) {
                String topic = event.type().customerVisible() ? topic(event.conversationId()) : staffTopic(event.conversationId());
                liveBus.publish(topic, toJson(event));
            }
            for (TranscriptEvent event : written.stored()) {
                appended.publishEvent(new TranscriptAppended(event, written.conversation(), written.state(), written.stored()));
            }
        }
        return written;
    }

    /** Where a conversation's events go live: the customer's sockets and the agents watching it listen here. */
    public static String topic(String conversationId) {
        return "conversation:" + conversationId;
    }

    /** Where staff-only events (notes, labels) go live: only the agents' sockets listen here. */
    public static String staffTopic(String conversationId) {
        return "staff-conversation:" + conversationId;
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TranscriptEvent toEvent(EventRow row) {
        return codec.event(row);
    }

    /** A write in progress: the replayed state and the events appended so far, all under the conversation's lock. */
    public final class Session {
        private final ConversationRow row;
        private final ConversationState state;
        private final List<TranscriptEvent> log;
        private final List<TranscriptEvent> stored = new ArrayList<>();

        private Session(ConversationRow row, ConversationState state, List<TranscriptEvent> log) {
            this.row = row;
            this.state = state;
            this.log = log;
        }

        public ConversationState state() {
            return state;
        }

        public ConversationSummary conversation() {
            return ConversationSummary.of(row);
        }

        public String touchpoint() {
            return row.touchpoint();
        }

        public String locale() {
            return row.locale();
        }

        public TranscriptEvent append(NewEvent event) {
            return append(event, null);
        }

        /** Stores the event as the next in sequence and folds it into the state. */
        public TranscriptEvent append(NewEvent e, Long inReplyTo) {
            long seq = state.lastSeq() + 1;
            EventRow saved = events.save(new EventRow(null, row.id(), seq, ids.newId(), e.type.name(), e.clientMessageId,
                    inReplyTo, clock.instant(), codec.payload(e)));
            TranscriptEvent event = codec.stored(saved, e);
            state.apply(event);
            stored.add(event);
            projections.forEach(p -> p.apply(this, event));
            return event;
        }

        /** Events appended in this write with a sequence number above {@code seq}. */
        public List<TranscriptEvent> storedAfter(long seq) {
            return stored.stream().filter(e -> e.seq() > seq).toList();
        }

        /**
         * The events already stored for a client message id, with the replies to it: what a retry should see again.
         * Looked up in the log the state was replayed from, which under the lock is every event stored so far.
         */
        public Optional<List<TranscriptEvent>> replayOf(String clientMessageId) {
            List<TranscriptEvent> all = new ArrayList<>(log.size() + stored.size());
            all.addAll(log);
            all.addAll(stored);
            return all.stream().filter(e -> clientMessageId.equals(e.clientMessageId())).findFirst().map(original -> {
                List<TranscriptEvent> result = new ArrayList<>();
                result.add(original);
                all.stream().filter(e -> Long.valueOf(original.seq()).equals(e.inReplyTo())).forEach(result::add);
                return result;
            });
        }
    }
}
