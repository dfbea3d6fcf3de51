package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Whether agents are online. A heartbeat that went stale counts as offline whatever the stored status says. */
@Singleton
class Presence {

    private final PresenceRepository presence;
    private final HandoffConfig config;
    private final Clock clock;

    Presence(PresenceRepository presence, HandoffConfig config, Clock clock) {
        this.presence = presence;
        this.config = config;
        this.clock = clock;
    }

    /** Stores the status and counts as a heartbeat. */
    void set(String agentId, PresenceStatus status) {
        Instant now = clock.instant();
        Optional<PresenceRow> existing = presence.findById(agentId);
        if (existing.isPresent()) {
            presence.update(existing.get().seen(status.name(), now));
        } else {
            presence.save(new PresenceRow(agentId, status.name(), now, null));
        }
    }

    PresenceStatus of(String agentId) {
        Instant now = clock.instant();
        return presence.findById(agentId)
                .map(p -> p.lastHeartbeatAt().isAfter(freshSince(now)) ? PresenceStatus.valueOf(p.status()) : PresenceStatus.OFFLINE)
                .orElse(PresenceStatus.OFFLINE);
    }

    long onlineInTeam(String team, Instant now) {
        return presence.findAvailable(team, freshSince(now)).size();
    }

    Instant freshSince(Instant now) {
        return now.minus(config.heartbeatStaleAfter());
    }
}
