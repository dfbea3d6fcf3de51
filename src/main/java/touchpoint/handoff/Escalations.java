package touchpoint.handoff;

import touchpoint.infra.Conflict;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationState;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * Hand-off from the bot to people: a conversation the bot owns goes into the queue, to an agent when one is free,
 * and the customer is told honestly what happens next. Runs inside the customer's write, on the conversation's lock.
 */
@Singleton
public class Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

    /** Reasons recorded on HANDOFF_REQUESTED. */
    public static final String CUSTOMER_REQUEST = "customer_request";
    public static final String REPEATED_FALLBACK = "repeated_fallback";
    public static final String REPEATED_THUMBS_DOWN = "repeated_thumbs_down";
    public static final String FRUSTRATION = "frustration";
    public static final String OFFLINE_MESSAGE = "offline_message";

    private final Transcript transcript;
    private final CaseRepository cases;
    private final HandoffQueue queue;
    private final AutoAssign assignment;
    private final TeamRouter router;
    private final TeamDirectory teams;
    private final HandoffConfig config;
    private final Clock clock;

    Escalations(Transcript transcript, CaseRepository cases, HandoffQueue queue, AutoAssign assignment, TeamRouter router,
                TeamDirectory teams, HandoffConfig config, Clock clock) {
        this.teams = teams;
        this.transcript = transcript;
        this.cases = cases;
        this.queue = queue;
        this.assignment = assignment;
        this.router = router;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Moves a conversation the bot owns into the queue, routes it, assigns it if an agent is free, and tells the
     * customer honestly what happens next. Does nothing when people already own or await the conversation.
     */
    void request(Transcript.Session session, Long inReplyTo, String reason, List<String> faqHints) {
        ConversationState state = session.state();
        if (!state.status().botMaySpeak()) {
            return;
        }
        Instant now = clock.instant();
        String team = router.teamFor(state, session.touchpoint(), TeamRouter.channelKeys(session), faqHints);
        session.append(NewEvent.of(new EventData.HandoffRequested(reason, team))
                .text("I'm passing you to a person from our " + teams.displayName(team) + " team."), inReplyTo);
        String id = state.conversationId();
        CaseRow row = cases.findById(id).orElseThrow();
        LOG.info("handoff requested conversation={} reason={} team={}", id, reason, team);
        if (!assignment.tryAssign(session, row, inReplyTo) && !OFFLINE_MESSAGE.equals(reason)) {
            queue.notice(session, row, inReplyTo, now);
        }
    }

    /** A customer wrote while waiting: tell them where they stand, at most once per interval. */
    void customerWaiting(Transcript.Session session, Long inReplyTo) {
        Instant now = clock.instant();
        cases.findById(session.state().conversationId())
                .filter(c -> CaseRow.WAITING.equals(c.state()))
                .filter(c -> c.lastNoticeAt() == null || !c.lastNoticeAt().plus(config.waitingNoticeInterval()).isAfter(now))
                .ifPresent(c -> queue.notice(session, c, inReplyTo, now));
    }

    /** The customer leaves an email address and a message; it waits in the queue as an offline request. */
    /** @return false when the conversation does not exist or the token is wrong (callers must not tell which) */
    boolean leaveOfflineMessage(String conversationId, String token, String email, String text) {
        if (!transcript.tokenMatches(conversationId, token)) {
            return false;
        }
        transcript.write(conversationId, session -> {
            if (session.state().status() == ConversationStatus.WITH_AGENT) {
                throw new Conflict("An agent is with you: write to them in the conversation");
            }
            request(session, null, OFFLINE_MESSAGE, List.of());
            session.append(NewEvent.of(new EventData.OfflineMessageLeft(email)).text(text));
            session.append(NewEvent.of(EventData.SystemNotice.of(EventData.SystemNotice.OFFLINE_MESSAGE_RECEIVED))
                    .text("Thanks - we'll reply to " + email + " as soon as someone is available."));
            return null;
        });
        return true;
    }
}
