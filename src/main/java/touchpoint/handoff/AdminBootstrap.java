package touchpoint.handoff;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.Ids;
import touchpoint.infra.Roles;

/**
 * A fresh installation needs one administrator to create everybody else. The password comes from
 * {@code TOUCHPOINT_ADMIN_PASSWORD}; without it a random one is logged once, so a demo is never left with a
 * well-known password.
 */
@Singleton
class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN_USERNAME = "admin";

    private final AgentDirectory directory;
    private final Ids ids;
    private final String configuredPassword;

    AdminBootstrap(AgentDirectory directory, Ids ids, @Nullable @Value("${touchpoint.admin-password:}") String configuredPassword) {
        this.directory = directory;
        this.ids = ids;
        this.configuredPassword = configuredPassword;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (directory.exists(ADMIN_USERNAME)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? ids.newToken().substring(0, 20) : configuredPassword;
        try {
            directory.create(ADMIN_USERNAME, password, "Administrator", List.of(Roles.ADMIN, Roles.AGENT),
                    directory.allTeams());
        } catch (RuntimeException e) {
            if (!directory.exists(ADMIN_USERNAME)) {
                throw e;
            }
            // Another instance created it at the same moment: theirs stands.
            LOG.info("admin user already created by another instance");
            return;
        }
        if (generated) {
            LOG.warn("Created user 'admin' with the generated password {} - set TOUCHPOINT_ADMIN_PASSWORD to choose one", password);
        } else {
            LOG.info("Created user 'admin' with the password from touchpoint.admin-password");
        }
    }
}
