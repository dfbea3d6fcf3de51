package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Set;
import touchpoint.handoff.Organisation;
import touchpoint.infra.Forbidden;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** The analytics API behind the admin dashboard. {@code from}/{@code to} are inclusive UTC dates (YYYY-MM-DD). */
@Controller("/api/analytics")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Analytics")
class AnalyticsController {

    private final AnalyticsQueries queries;
    private final KnowledgeGaps gaps;
    private final FeedbackThemes themes;
    private final JsonRequests requests;
    private final AnalyticsProjector projector;
    private final Organisation organisation;

    AnalyticsController(AnalyticsQueries queries, KnowledgeGaps gaps, FeedbackThemes themes, JsonRequests requests,
                        AnalyticsProjector projector, Organisation organisation) {
        this.organisation = organisation;
        this.queries = queries;
        this.projector = projector;
        this.gaps = gaps;
        this.themes = themes;
        this.requests = requests;
    }

    @Get("/summary{?from,to,teams,channel}")
    @Secured({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Conversations, containment, escalation, wait for a person's first reply, bot reply time, resolution time, CSAT, CES, NPS, "
            + "first-response target breaches; overall and by day, FAQ, agent, team, touchpoint, channel. teams (comma separated) narrows to "
            + "those teams and their sub-teams; a supervisor sees only their own. channel (a type like email, or a channel id) narrows to that channel")
    Summary summary(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String teams,
                    @Nullable @QueryValue String channel, Authentication auth) {
        Set<String> scope = teamScope(auth, teams);
        return queries.summary(range(from, to), scope, blankToNull(channel));
    }

    @Get("/export.csv{?from,to,teams,channel}")
    @Secured({Roles.ADMIN, Roles.SUPERVISOR})
    @Produces("text/csv")
    @Operation(summary = "One CSV row per conversation with its figures, survey scores, first-response target and channel; e-mails, card and phone numbers masked")
    HttpResponse<String> export(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String teams,
                                @Nullable @QueryValue String channel, Authentication auth) {
        Set<String> scope = teamScope(auth, teams);
        AnalyticsQueries.Range range = range(from, to);
        return HttpResponse.ok(queries.exportCsv(range, scope, blankToNull(channel)))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"touchpoint-" + range.from() + "-to-" + range.to() + ".csv\"");
    }

    @Get("/knowledge-gaps{?from,to}")
    @Operation(summary = "Questions that ended in fallback, thumbs-down or hand-off, clustered into topics with suggested actions")
    List<KnowledgeGaps.GapTopic> knowledgeGaps(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return gaps.topics(range(from, to));
    }

    @Post("/knowledge-gaps/{clusterId}/phrasings")
    @Operation(summary = "Propose a topic's questions as phrasings of an FAQ: {faqId?, phrasings?, from?, to?}")
    HttpResponse<List<PhrasingProposal>> proposePhrasings(String clusterId, @Body @Nullable JsonNode body) {
        KnowledgeGaps.PhrasingsRequest r = requests.read(body, KnowledgeGaps.PhrasingsRequest.class);
        return HttpResponse.created(gaps.propose(clusterId, r, range(r.from(), r.to())));
    }

    @Get("/feedback-themes{?from,to}")
    @Operation(summary = "Survey comments grouped into themes, with sentiment and average scores")
    List<FeedbackThemes.Theme> feedbackThemes(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return themes.themes(range(from, to));
    }

    /**
     * The teams the figures cover (empty: all). An admin may narrow to any teams; a supervisor always sees only the
     * teams they supervise, and naming another team is refused.
     */
    private Set<String> teamScope(Authentication auth, @Nullable String teams) {
        List<String> asked = teams == null ? List.of()
                : java.util.Arrays.stream(teams.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (auth.getRoles().contains(Roles.ADMIN)) {
            return asked.isEmpty() ? Set.of() : organisation.withSubTeams(asked);
        }
        Set<String> mine = organisation.teamsSupervisedBy(auth.getName());
        if (!mine.containsAll(asked)) {
            throw new Forbidden("teams", "you supervise only " + String.join(", ", new java.util.TreeSet<>(mine)));
        }
        if (mine.isEmpty()) {
            throw new Forbidden("You supervise no team");
        }
        return asked.isEmpty() ? mine : organisation.withSubTeams(asked);
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The requested window, once this instance's pending writes are projected, so the figures include them. */
    private AnalyticsQueries.Range range(String from, String to) {
        projector.flush();
        return queries.range(from, to);
    }
}
