package touchpoint.analytics;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures for conversations started from {@code from} to {@code to} (UTC days, inclusive),
 * overall and by day, last FAQ, agent, team and touchpoint (conversations without a FAQ, agent or team are left
 * out of those groups). {@code answersByFaq} counts bot answers and their thumbs in the same days.
 */
@Serdeable
public record Summary(LocalDate from, LocalDate to, Figures overall, List<Group> byDay, List<Group> byFaq,
                      List<Group> byAgent, List<Group> byTeam, List<Group> byTouchpoint, List<FaqAnswers> answersByFaq) {

    @Serdeable
    public record Group(String key, Figures figures) {
    }

    @Serdeable
    public record FaqAnswers(String faqId, long answers, long helpful, long notHelpful) {
    }
}
