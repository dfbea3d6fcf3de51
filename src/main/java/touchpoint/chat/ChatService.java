package touchpoint.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.Ids;

/** The customer's use cases: start a conversation, send a message, read what happened. */
@Singleton
public class ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final Transcript transcript;
    private final CustomerTurnChain turnChain;
    private final KnowledgeHandler knowledgeHandler;
    private final ChatConfig config;
    private final Ids ids;
    private final MeterRegistry meters;
    private final Timer turnTimer;
    private final StartingCustomer startingCustomer;

    ChatService(Transcript transcript, CustomerTurnChain turnChain, KnowledgeHandler knowledgeHandler, ChatConfig config,
                Ids ids, MeterRegistry meters, @io.micronaut.core.annotation.Nullable StartingCustomer startingCustomer) {
        this.startingCustomer = startingCustomer;
        this.transcript = transcript;
        this.turnChain = turnChain;
        this.knowledgeHandler = knowledgeHandler;
        this.config = config;
        this.ids = ids;
        this.meters = meters;
        this.turnTimer = Timer.builder("touchpoint.reply.latency").description("Time from a stored customer message to the stored replies")
                .publishPercentiles(0.5, 0.9, 0.99).register(meters);
    }

    /** @param contactId the customer's contact when the start identified them; null while anonymous */
    public record Started(String id, String token, ConversationStatus state, List<TranscriptEvent> messages,
                          @io.micronaut.core.annotation.Nullable String contactId) {
    }

    public record Sent(TranscriptEvent accepted, List<TranscriptEvent> replies, boolean duplicate) {
    }

    /**
     * @param lastSeq the conversation's last sequence number when the read began: the customer may be shown fewer
     *                messages (staff-only events are left out), and knows from it that nothing below is still missing
     */
    public record Messages(ConversationStatus state, List<TranscriptEvent> messages, long lastSeq) {
    }

    public Started start(String touchpoint, String locale) {
        return start(touchpoint, locale, StartingCustomer.Claim.NONE);
    }

    /** Starts a conversation for a customer who may say who they are; an untrusted claim leaves it anonymous. */
    public Started start(String touchpoint, String locale, StartingCustomer.Claim claim) {
        Optional<StartingCustomer.Recognised> recognised = startingCustomer == null || claim.isEmpty()
                ? Optional.empty() : startingCustomer.recognise(claim);
        String id = ids.newId();
        String token = ids.newToken();
        String tp = touchpoint == null || touchpoint.isBlank() ? config.defaultTouchpoint() : touchpoint;
        String loc = locale == null || locale.isBlank() ? config.defaultLocale() : locale;
        Transcript.Written<Void> written = transcript.start(id, Ids.hash(token), tp, loc, session -> {
            session.append(NewEvent.of(new EventData.ConversationStarted(tp, loc)));
            recognised.ifPresent(r -> session.append(NewEvent.of(new EventData.ContactIdentified(r.contactId(), r.kind(), null))));
            session.append(NewEvent.of(EventType.BOT_GREETED).text(config.greeting()));
            return null;
        });
        recognised.ifPresent(r -> startingCustomer.started(id, r, claim));
        meters.counter("touchpoint.conversations.started", "touchpoint", tp).increment();
        LOG.info("conversation started conversation={} touchpoint={} locale={}", id, tp, loc);
        return new Started(id, token, written.conversation().status(), written.stored(),
                recognised.filter(StartingCustomer.Recognised::identified).map(StartingCustomer.Recognised::contactId).orElse(null));
    }

    /**
     * Starts a conversation that arrived through another channel than the widget, under an id the channel chose (it
     * maps its own thread to it before starting, so two deliveries of a thread's first message agree on one id). The
     * channel vouches for the customer, so no customer token is handed out: a random one is hashed and forgotten.
     */
    public Started startOnChannel(String id, String channelId, String channelType, String touchpoint, String locale) {
        String tp = touchpoint == null || touchpoint.isBlank() ? config.defaultTouchpoint() : touchpoint;
        String loc = locale == null || locale.isBlank() ? config.defaultLocale() : locale;
        Transcript.Written<Void> written = transcript.start(id, Ids.hash(ids.newToken()), tp, loc, channelId, channelType, session -> {
            session.append(NewEvent.of(new EventData.ConversationStarted(tp, loc)));
            session.append(NewEvent.of(EventType.BOT_GREETED).text(config.greeting()));
            return null;
        });
        meters.counter("touchpoint.conversations.started", "touchpoint", tp).increment();
        LOG.info("conversation started conversation={} channel={} type={} touchpoint={} locale={}", id, channelId, channelType, tp, loc);
        return new Started(id, null, written.conversation().status(), written.stored(), null);
    }

    /** Empty when the conversation does not exist or the token is wrong: callers must not tell which. */
    public Optional<Sent> send(String conversationId, String token, String clientMessageId, String text) {
        Optional<ConversationSummary> conversation = transcript.authorized(conversationId, token);
        if (conversation.isEmpty()) {
            return Optional.empty();
        }
        return send(conversation.get(), clientMessageId, text);
    }

    /**
     * A customer message that arrived through a channel, which has authenticated the sender its own way (an API key,
     * a platform's signature, the mail thread): the same turn as the widget's, without a customer token. Empty when
     * the conversation does not exist.
     */
    public Optional<Sent> sendFromChannel(String conversationId, String clientMessageId, String text) {
        return transcript.conversation(conversationId).flatMap(c -> send(c, clientMessageId, text));
    }

    private Optional<Sent> send(ConversationSummary conversation, String clientMessageId, String text) {
        String conversationId = conversation.id();
        long started = System.nanoTime();
        List<TranscriptEvent> readBefore = transcript.events(conversation);
        PreparedAnswer prepared = prepare(conversation, readBefore, clientMessageId, text);
        Optional<Transcript.Written<Sent>> written = transcript.write(conversationId, readBefore, session -> {
            if (clientMessageId != null) {
                Optional<List<TranscriptEvent>> earlier = session.replayOf(clientMessageId);
                if (earlier.isPresent()) {
                    List<TranscriptEvent> events = earlier.get();
                    return new Sent(events.get(0), customerVisible(events.subList(1, events.size())), true);
                }
            }
            TranscriptEvent accepted = session.append(NewEvent.of(EventType.CUSTOMER_ASKED).text(text).clientMessageId(clientMessageId));
            turnChain.run(new CustomerTurn(session, accepted, prepared));
            List<TranscriptEvent> replies = session.state().lastSeq() > accepted.seq()
                    ? customerVisible(transcriptSince(session, accepted.seq())) : List.of();
            return new Sent(accepted, replies, false);
        });
        written.ifPresent(w -> record(w.value(), System.nanoTime() - started));
        return written.map(Transcript.Written::value);
    }

    /**
     * Decides the bot's answer before the conversation's lock is taken, so the lock and a pooled connection are
     * not held while the question is embedded, or worded by a language model. Only when the bot is the one to
     * answer: the message is not a retry, and the step that takes it is {@link TurnStep#KNOWLEDGE} (not a clarify
     * choice, a survey score, small talk, an escalation, an agent owning the conversation). Inside the lock the
     * decision is used only if the question there is still the same; a write that landed in between changes nothing
     * else.
     */
    private PreparedAnswer prepare(ConversationSummary conversation, List<TranscriptEvent> readBefore,
                                   String clientMessageId, String text) {
        if (clientMessageId != null && readBefore.stream().anyMatch(e -> clientMessageId.equals(e.clientMessageId()))) {
            return PreparedAnswer.NONE;
        }
        ConversationState state = ConversationState.replay(conversation.id(), readBefore);
        state.apply(new TranscriptEvent(conversation.id(), state.lastSeq() + 1, "", EventType.CUSTOMER_ASKED, text,
                null, null, null, null, null, null, clientMessageId, null, java.time.Instant.now()));
        return turnChain.taker(state, text).filter(TurnStep.KNOWLEDGE::equals).isPresent()
                ? knowledgeHandler.prepare(state, conversation.locale(), text) : PreparedAnswer.NONE;
    }

    public Optional<Messages> messages(String conversationId, String token, long afterSeq) {
        if (!transcript.tokenMatches(conversationId, token)) {
            return Optional.empty();
        }
        // The row is read before the events, so every event up to its lastSeq is in the list unless it is staff-only.
        return transcript.conversation(conversationId)
                .map(c -> new Messages(c.status(), transcript.customerEventsAfter(conversationId, afterSeq), c.lastSeq()));
    }

    /**
     * Checks the customer's credential before anything else about a request is looked at: 401 without a bearer
     * token, 404 when it does not open this conversation. Returns the token.
     */
    public String authorize(String conversationId, String authorization) {
        String token = BearerToken.from(authorization);
        if (!transcript.tokenMatches(conversationId, token)) {
            throw ConversationNotFound.forToken();
        }
        return token;
    }

    public boolean canRead(String conversationId, String token) {
        return transcript.tokenMatches(conversationId, token);
    }

    private static List<TranscriptEvent> customerVisible(List<TranscriptEvent> events) {
        return events.stream().filter(e -> e.type().customerVisible()).toList();
    }

    private static List<TranscriptEvent> transcriptSince(Transcript.Session session, long seq) {
        return session.storedAfter(seq);
    }

    private void record(Sent sent, long nanos) {
        if (sent.duplicate()) {
            meters.counter("touchpoint.messages.duplicates").increment();
            return;
        }
        meters.counter("touchpoint.messages", "author", "customer").increment();
        turnTimer.record(java.time.Duration.ofNanos(nanos));
        for (TranscriptEvent reply : sent.replies()) {
            switch (reply.type()) {
                case BOT_ANSWERED -> meters.counter("touchpoint.answers", "outcome", "answer").increment();
                case BOT_CLARIFIED -> meters.counter("touchpoint.answers", "outcome", "clarify").increment();
                case BOT_FELL_BACK -> meters.counter("touchpoint.fallbacks").increment();
                default -> {
                }
            }
        }
        LOG.info("customer message conversation={} seq={} chars={} replies={} ms={}", sent.accepted().conversationId(),
                sent.accepted().seq(), sent.accepted().text().length(),
                sent.replies().stream().map(r -> r.type().name()).toList(), nanos / 1_000_000);
    }
}
