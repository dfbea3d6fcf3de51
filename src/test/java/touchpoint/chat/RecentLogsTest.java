package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the in-memory logs hand out: only a log that ends where the conversation's row says it ends. */
class RecentLogsTest {

    private final RecentLogs logs = new RecentLogs();

    @Test
    void should_hand_out_a_log_only_when_it_ends_at_the_rows_last_seq() {
        logs.read("c1", events(1, 3));

        assertThat(logs.endingAt("c1", 3)).contains(events(1, 3));
        assertThat(logs.endingAt("c1", 4)).isEmpty();
        assertThat(logs.endingAt("c2", 3)).isEmpty();
    }

    @Test
    void should_extend_a_held_log_with_the_write_that_continues_it() {
        logs.written("c1", events(1, 2));
        logs.written("c1", events(3, 5));

        assertThat(logs.endingAt("c1", 5)).contains(events(1, 5));
    }

    @Test
    void should_drop_a_held_log_when_another_writer_appended_in_between() {
        logs.read("c1", events(1, 3));
        logs.written("c1", events(6, 7));

        assertThat(logs.endingAt("c1", 3)).isEmpty();
        assertThat(logs.endingAt("c1", 7)).isEmpty();
    }

    @Test
    void should_keep_the_longer_log_when_an_older_read_arrives_late() {
        logs.read("c1", events(1, 5));
        logs.read("c1", events(1, 3));

        assertThat(logs.endingAt("c1", 5)).contains(events(1, 5));
    }

    @Test
    void should_forget_a_log() {
        logs.read("c1", events(1, 3));
        logs.forget("c1");

        assertThat(logs.endingAt("c1", 3)).isEmpty();
    }

    private static List<TranscriptEvent> events(int from, int to) {
        List<TranscriptEvent> events = new ArrayList<>();
        for (int seq = from; seq <= to; seq++) {
            events.add(new TranscriptEvent("c1", seq, "m" + seq, EventType.CUSTOMER_ASKED, "text " + seq, null, null, null,
                    null, null, null, null, null, Instant.EPOCH.plusSeconds(seq)));
        }
        return events;
    }
}
