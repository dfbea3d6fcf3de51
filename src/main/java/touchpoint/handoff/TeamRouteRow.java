package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.List;

/**
 * Sends conversations to a team: by the FAQ the bot last tried ({@code kind = faq}, key the FAQ id), that FAQ's
 * tags ({@code tag}), the channel the conversation came through ({@code channel}, key a channel id or type) or the
 * touchpoint ({@code touchpoint}). One key routes to one team.
 */
@MappedEntity("team_route")
record TeamRouteRow(@Id @GeneratedValue @Nullable Long id, String kind, String routeKey, String team) {

    static final String FAQ = "faq";
    static final String TAG = "tag";
    static final String CHANNEL = "channel";
    static final String TOUCHPOINT = "touchpoint";
    static final List<String> KINDS = List.of(FAQ, TAG, CHANNEL, TOUCHPOINT);
}
