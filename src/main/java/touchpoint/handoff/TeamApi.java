package touchpoint.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the team admin and supervisor APIs. */
final class TeamApi {

    private TeamApi() {
    }

    @Serdeable
    record CreateTeamRequest(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 50) String parentId) {
    }

    /**
     * A change to a team; only the fields present in the body change ({@code "parentId": null} makes it a top-level
     * team, {@code "firstResponseTargetSeconds": null} removes the target).
     */
    @Serdeable
    record ChangeTeamRequest(@Nullable @Size(min = 1, max = 100) String name, @Nullable @Size(max = 50) String parentId,
                             @Nullable Boolean archived,
                             @Nullable @Min(1) @Max(604800) Integer firstResponseTargetSeconds) {
    }

    @Serdeable
    record Opening(@NotBlank @Size(max = 10) String day, @NotBlank @Size(max = 5) String opens, @NotBlank @Size(max = 5) String closes) {
    }

    @Serdeable
    record HoursRequest(@NotBlank @Size(max = 64) String timeZone, @NotNull @Size(max = 50) List<@Valid Opening> weekly,
                        @Nullable @Size(max = 200) List<String> holidays) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HoursView(String timeZone, List<Opening> weekly, List<String> holidays) {
    }

    @Serdeable
    record RouteRequest(@NotBlank String kind, @NotBlank @Size(max = 100) String key) {
    }

    @Serdeable
    record RouteView(Long id, String kind, String key) {
    }

    @Serdeable
    record MemberView(String id, String username, String displayName, List<String> roles, boolean disabled) {
    }

    @Serdeable
    record MemberRequest(@NotBlank @Size(max = 36) String agentId) {
    }

    /**
     * @param openNow false outside the opening hours
     * @param backAt when a closed team opens again
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TeamView(String id, String name, @Nullable String parentId, boolean archived,
                    @Nullable Integer firstResponseTargetSeconds, @Nullable HoursView hours, boolean openNow,
                    @Nullable Instant backAt, List<RouteView> routes, List<MemberView> members) {
    }

    /** {@code capacity} null: the global {@code max-conversations-per-agent}; absent fields stay as they are. */
    @Serdeable
    record UpdateUserRequest(@Nullable @Size(min = 1, max = 3) List<String> roles, @Nullable @Size(max = 200) List<String> teams,
                             @Nullable @Min(0) @Max(100) Integer capacity, @Nullable Boolean disabled,
                             @Nullable @Size(min = 1, max = 200) String displayName) {
    }

    @Serdeable
    record ReassignRequest(@NotBlank @Size(max = 50) String team, @Nullable @Size(max = 36) String agentId) {
    }

    /** A waiting conversation as a supervisor sees it: its wait against the team's first-response target. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WaitingView(String conversationId, String team, String touchpoint, String reason, Instant requestedAt,
                       long waitingSeconds, @Nullable Integer targetSeconds, boolean breached, int position, boolean offline) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LiveView(String conversationId, String team, String touchpoint, String agentId, String agentName,
                    @Nullable Instant assignedAt) {
    }

    @Serdeable
    record AgentLoad(String id, String displayName, List<String> teams, String presence, long active, int capacity) {
    }

    @Serdeable
    record SupervisedTeam(String id, String name, @Nullable String parentId, boolean openNow,
                          @Nullable Integer firstResponseTargetSeconds) {
    }

    @Serdeable
    record Overview(List<SupervisedTeam> teams, List<WaitingView> waiting, List<LiveView> live, List<AgentLoad> agents,
                    long breached) {
    }
}
