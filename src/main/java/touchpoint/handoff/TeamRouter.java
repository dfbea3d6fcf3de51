package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import touchpoint.chat.ConversationState;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;

/**
 * Which team takes a conversation: the team of the FAQ the bot last tried (the subject is known), else a team
 * routed from that FAQ's tags, else from the touchpoint the customer came from, else the default team.
 */
@Singleton
class TeamRouter {

    private final KnowledgeBase knowledge;
    private final TeamRepository teams;
    private final TeamRouteRepository routes;
    private final HandoffConfig config;
    private final PriorityOrder priority;

    TeamRouter(KnowledgeBase knowledge, TeamRepository teams, TeamRouteRepository routes, HandoffConfig config,
               PriorityOrder priority) {
        this.priority = priority;
        this.knowledge = knowledge;
        this.teams = teams;
        this.routes = routes;
        this.config = config;
    }

    String teamFor(ConversationState state, String touchpoint, List<String> faqHints) {
        // Who the customer is (a contact rule such as plan=enterprise) comes before what they asked about.
        Optional<String> forCustomer = priority.team(state.conversationId()).filter(this::known);
        if (forCustomer.isPresent()) {
            return forCustomer.get();
        }
        List<String> tried = new ArrayList<>(faqHints);
        state.lastAnsweredFaqId().ifPresent(tried::add);
        tried.addAll(state.lastCandidates());
        for (String faqId : tried) {
            Optional<FaqView> faq = knowledge.faq(faqId);
            if (faq.isEmpty()) {
                continue;
            }
            if (known(faq.get().team())) {
                return faq.get().team();
            }
            for (String tag : faq.get().tags()) {
                Optional<String> routed = routes.findByKindAndRouteKey("tag", tag).map(TeamRouteRow::team);
                if (routed.isPresent()) {
                    return routed.get();
                }
            }
        }
        return routes.findByKindAndRouteKey("touchpoint", touchpoint).map(TeamRouteRow::team).orElse(config.defaultTeam());
    }

    private boolean known(String team) {
        return team != null && !team.isBlank() && teams.existsById(team);
    }
}
