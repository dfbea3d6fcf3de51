package touchpoint.handoff;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import touchpoint.infra.Roles;

/**
 * Turns a validated JWT into the acting agent. A token outlives a disable, so every call checks the user is
 * still enabled.
 */
@Singleton
public class CurrentAgent {

    private final AgentDirectory directory;

    CurrentAgent(AgentDirectory directory) {
        this.directory = directory;
    }

    public Actor of(Authentication authentication) {
        Object id = authentication.getAttributes().get(AgentAuthenticationProvider.AGENT_ID);
        AgentRow agent = directory.active(id == null ? null : id.toString())
                .orElseThrow(() -> new AgentDisabled("This user is disabled or unknown"));
        return new Actor(agent.id(), agent.displayName(), agent.roleSet().contains(Roles.ADMIN));
    }
}
