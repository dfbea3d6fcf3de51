package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import touchpoint.chat.ConversationState;
import touchpoint.chat.Transcript;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;

/**
 * Which team takes a conversation, first match wins: a contact rule for who the customer is, the subject (for each FAQ the bot last tried: a route for that
 * FAQ, the FAQ's own team, a route for one of its tags), then a route for the channel, then for the touchpoint the
 * customer came from, else the default team. Archived teams are skipped wherever they are named, so archiving a
 * team sends its share of conversations down the list. Routes and teams are read from the shared tables on every
 * call: an admin's change routes the next conversation on every instance.
 */
@Singleton
class TeamRouter {

    /** The website widget's channel: conversations started before channels existed belong to it. */
    static final String WEB_CHANNEL = "web";

    private final KnowledgeBase knowledge;
    private final TeamDirectory teams;
    private final TeamRouteRepository routes;
    private final HandoffConfig config;
    private final PriorityOrder priority;

    TeamRouter(KnowledgeBase knowledge, TeamDirectory teams, TeamRouteRepository routes, HandoffConfig config,
               PriorityOrder priority) {
        this.priority = priority;
        this.knowledge = knowledge;
        this.teams = teams;
        this.routes = routes;
        this.config = config;
    }

    /** The keys a {@code channel} route may name for this conversation: its channel's id and its type. */
    static List<String> channelKeys(Transcript.Session session) {
        String id = session.conversation().channelId();
        String type = session.conversation().channelType();
        if (id == null || id.isBlank()) {
            return List.of(WEB_CHANNEL);
        }
        return type == null || type.equals(id) ? List.of(id) : List.of(id, type);
    }

    String teamFor(ConversationState state, String touchpoint, List<String> faqHints) {
        return teamFor(state, touchpoint, List.of(WEB_CHANNEL), faqHints);
    }

    String teamFor(ConversationState state, String touchpoint, List<String> channelKeys, List<String> faqHints) {
        // Who the customer is (a contact rule such as plan=enterprise) comes before what they asked about.
        return priority.team(state.conversationId()).filter(teams::active)
                .or(() -> bySubject(state, faqHints))
                .or(() -> routed(TeamRouteRow.CHANNEL, channelKeys))
                .or(() -> routed(TeamRouteRow.TOUCHPOINT, List.of(touchpoint)))
                .orElse(config.defaultTeam());
    }

    private Optional<String> bySubject(ConversationState state, List<String> faqHints) {
        List<String> tried = new ArrayList<>(faqHints);
        state.lastAnsweredFaqId().ifPresent(tried::add);
        tried.addAll(state.lastCandidates());
        for (String faqId : tried) {
            Optional<FaqView> faq = knowledge.faq(faqId);
            if (faq.isEmpty()) {
                continue;
            }
            Optional<String> team = routed(TeamRouteRow.FAQ, List.of(faqId))
                    .or(() -> Optional.ofNullable(faq.get().team()).filter(teams::active))
                    .or(() -> routed(TeamRouteRow.TAG, faq.get().tags()));
            if (team.isPresent()) {
                return team;
            }
        }
        return Optional.empty();
    }

    /** The active team a route of this kind sends the first of these keys to. */
    private Optional<String> routed(String kind, List<String> keys) {
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            Optional<String> team = routes.findByKindAndRouteKey(kind, key).map(TeamRouteRow::team).filter(teams::active);
            if (team.isPresent()) {
                return team;
            }
        }
        return Optional.empty();
    }
}
