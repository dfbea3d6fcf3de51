package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("agent_team")
record AgentTeamRow(@Id @GeneratedValue @Nullable Long id, String agentId, String team) {
}
