package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures for conversations started from {@code from} to {@code to} (UTC days, inclusive),
 * overall and by day, last FAQ, agent, team, touchpoint and channel type (conversations without a FAQ, agent or team
 * are left out of those groups; conversations not yet re-projected since channels were recorded, out of byChannel). {@code answersByFaq} counts bot answers and their thumbs in the same days.
 */
@Serdeable
public record Summary(LocalDate from, LocalDate to, Figures overall, List<Group> byDay, List<Group> byFaq,
                      List<Group> byAgent, List<Group> byTeam, List<Group> byTouchpoint, List<Group> byChannel,
                      List<FaqAnswers> answersByFaq, List<String> teams, @Nullable String channel,
                      ResponseTargets responseTargets) {

    /**
     * First-response targets against the waits: a conversation handed off to a team with a target is measured, and
     * breached when a person's first reply came later than the target, or when nobody has replied, it is not resolved
     * and it has waited longer than the target. {@code teams} on the summary: the teams it is filtered to (empty: all); {@code channel}: the channel type or id
     * it is filtered to (absent: all).
     */
    @Serdeable
    public record ResponseTargets(long measured, long breached, List<TeamTarget> byTeam) {
    }

    @Serdeable
    public record TeamTarget(String team, int targetSeconds, long measured, long breached) {
    }

    @Serdeable
    public record Group(String key, Figures figures) {
    }

    @Serdeable
    public record FaqAnswers(String faqId, long answers, long helpful, long notHelpful) {
    }
}
