package touchpoint.handoff;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * Never strands a conversation when the organisation changes: a team archived hands its waiting and open
 * conversations back to routing, and an agent disabled or taken off a team hands theirs back to the team's queue.
 * Each conversation moves in its own transcript write (the customer is told, the queue projection follows the
 * event), then is offered to a free agent at once. A sweep repeats the archived-team and disabled-agent cases, so a
 * move that failed half-way (an instance stopped) is finished by any instance.
 */
@Singleton
class Rerouting {

    private static final Logger LOG = LoggerFactory.getLogger(Rerouting.class);

    private final Transcript transcript;
    private final CaseRepository cases;
    private final TeamRouter router;
    private final TeamDirectory teams;
    private final AutoAssign assignment;
    private final HandoffQueue queue;
    private final Clock clock;

    Rerouting(Transcript transcript, CaseRepository cases, TeamRouter router, TeamDirectory teams, AutoAssign assignment,
              HandoffQueue queue, Clock clock) {
        this.transcript = transcript;
        this.cases = cases;
        this.router = router;
        this.teams = teams;
        this.assignment = assignment;
        this.queue = queue;
        this.clock = clock;
    }

    /** Routes the waiting and open conversations of archived teams again; returns how many moved. */
    int archivedTeams() {
        int moved = 0;
        for (CaseRow c : cases.findOpenInArchivedTeams()) {
            if (move(c.conversationId(), fresh -> !teams.active(fresh.team()), null)) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * An agent left these teams (every team when disabled): their open conversations there go back to the queue of
     * the conversation's team, or are routed again when that team is archived too.
     */
    int agentLeft(String agentId, Collection<String> leftTeams, boolean everyTeam) {
        int moved = 0;
        for (CaseRow c : cases.findByAgentIdAndState(agentId, CaseRow.ACTIVE)) {
            if (everyTeam || leftTeams.contains(c.team())) {
                if (move(c.conversationId(), fresh -> CaseRow.ACTIVE.equals(fresh.state()) && agentId.equals(fresh.agentId())
                        && (everyTeam || leftTeams.contains(fresh.team())), agentId)) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /** Moves one conversation if, under its lock, the case is still what made it stranded. */
    private boolean move(String conversationId, Predicate<CaseRow> stillStranded, String formerAgent) {
        return transcript.write(conversationId, session -> {
            ConversationStatus status = session.state().status();
            if (status != ConversationStatus.WAITING_FOR_AGENT && status != ConversationStatus.WITH_AGENT) {
                return false;
            }
            CaseRow c = cases.findById(conversationId).filter(stillStranded).orElse(null);
            if (c == null) {
                return false;
            }
            Instant now = clock.instant();
            String team = teams.active(c.team()) ? c.team()
                    : router.teamFor(session.state(), session.touchpoint(), TeamRouter.channelKeys(session), List.of());
            String text = team.equals(c.team())
                    ? "Your agent is no longer available. You're back in the queue for our " + teams.displayName(team) + " team."
                    : "You're being transferred to our " + teams.displayName(team) + " team.";
            session.append(NewEvent.of(new EventData.ConversationTransferred(team, formerAgent)).text(text));
            CaseRow moved = cases.findById(conversationId).orElseThrow();
            if (!assignment.tryAssign(session, moved, null) && moved.offlineEmail() == null) {
                queue.notice(session, moved, null, now);
            }
            LOG.info("conversation handed back to routing conversation={} from={} to={}", conversationId, c.team(), team);
            return true;
        }).map(Transcript.Written::value).orElse(false);
    }

    @Scheduled(fixedDelay = "${touchpoint.handoff.sweep-interval:15s}", initialDelay = "${touchpoint.handoff.sweep-interval:15s}")
    void sweep() {
        try {
            archivedTeams();
            for (CaseRow c : cases.findActiveWithDisabledAgents()) {
                agentLeft(c.agentId(), List.of(), true);
            }
        } catch (RuntimeException e) {
            LOG.warn("re-routing sweep failed reason={}", e.toString());
        }
    }
}
