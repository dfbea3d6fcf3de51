package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The hand-off projection of one conversation (see V10__agents.sql). */
@MappedEntity("handoff_case")
record CaseRow(
        @Id String conversationId,
        String touchpoint,
        String team,
        String reason,
        String state,
        @Nullable String agentId,
        Instant requestedAt,
        @Nullable Instant assignedAt,
        @Nullable String offlineEmail,
        @Nullable Instant lastNoticeAt,
        Instant updatedAt) {

    static final String WAITING = "WAITING";
    static final String ACTIVE = "ACTIVE";
    static final String CLOSED = "CLOSED";

    CaseRow waiting(String newTeam, Instant at) {
        return new CaseRow(conversationId, touchpoint, newTeam, reason, WAITING, null, requestedAt, null, offlineEmail, lastNoticeAt, at);
    }

    CaseRow assigned(String agent, Instant at) {
        return new CaseRow(conversationId, touchpoint, team, reason, ACTIVE, agent, requestedAt, at, offlineEmail, lastNoticeAt, at);
    }

    CaseRow closed(Instant at) {
        return new CaseRow(conversationId, touchpoint, team, reason, CLOSED, agentId, requestedAt, assignedAt, offlineEmail, lastNoticeAt, at);
    }

    CaseRow offline(String email, Instant at) {
        return new CaseRow(conversationId, touchpoint, team, reason, state, agentId, requestedAt, assignedAt, email, lastNoticeAt, at);
    }

    CaseRow noticed(Instant at) {
        return new CaseRow(conversationId, touchpoint, team, reason, state, agentId, requestedAt, assignedAt, offlineEmail, at, at);
    }
}
