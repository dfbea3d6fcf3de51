package touchpoint.handoff;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.Map;
import touchpoint.infra.Roles;

/**
 * Checks {@code POST /login} credentials against the agent table. An executor provider, because bcrypt and
 * the database lookup must not run on the event loop. Disabled users are refused like wrong passwords.
 */
@Singleton
class AgentAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    static final String AGENT_ID = "agentId";
    static final String DISPLAY_NAME = "displayName";

    private final AgentDirectory directory;

    AgentAuthenticationProvider(AgentDirectory directory) {
        this.directory = directory;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> auth) {
        return directory.authenticate(auth.getIdentity(), auth.getSecret())
                .map(agent -> AuthenticationResponse.success(agent.username(), Roles.granted(agent.roleSet()),
                        Map.of(AGENT_ID, agent.id(), DISPLAY_NAME, agent.displayName())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
