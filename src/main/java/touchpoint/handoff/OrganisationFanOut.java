package touchpoint.handoff;

import jakarta.inject.Singleton;
import touchpoint.infra.LiveBus;

/**
 * Tells every open agent console, on every instance, that teams or memberships changed, so each reloads its queue
 * (which conversations are "my team's") at once instead of at its next poll. The data itself is never cached.
 */
@Singleton
class OrganisationFanOut {

    private static final String NOTICE = "{\"type\":\"queue\",\"event\":\"TEAMS_CHANGED\"}";

    private final LiveBus liveBus;

    OrganisationFanOut(LiveBus liveBus) {
        this.liveBus = liveBus;
    }

    void changed() {
        liveBus.publish(HandoffListener.QUEUE_TOPIC, NOTICE);
    }
}
