package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private final EventCodec codec = new EventCodec(ObjectMapper.getDefault());

    private EventRow row(NewEvent event) {
        return new EventRow(1L, "c1", 3, "m1", event.type().name(), "client-1", null, Instant.parse("2026-03-02T09:00:00Z"),
                codec.payload(event));
    }

    @Test
    void should_erase_what_the_customer_wrote_and_keep_the_event() {
        EventRow asked = row(NewEvent.of(EventType.CUSTOMER_ASKED).text("my card is 4111 1111 1111 1111, mail ann@example.com"));

        TranscriptEvent tombstone = codec.event(new EventRow(asked.id(), asked.conversationId(), asked.seq(), asked.messageId(),
                asked.eventType(), asked.clientMessageId(), asked.inReplyTo(), asked.createdAt(), codec.redactedPayload(asked)));

        assertThat(tombstone.type()).isEqualTo(EventType.CUSTOMER_ASKED);
        assertThat(tombstone.seq()).isEqualTo(3);
        assertThat(tombstone.text()).isEqualTo(EventData.ERASED);
        assertThat(codec.redactedPayload(asked)).doesNotContain("4111").doesNotContain("ann@example.com");
    }

    @Test
    void should_keep_faq_ids_and_scores_but_drop_questions_and_comments() {
        EventRow answered = row(NewEvent.of(new EventData.BotAnswered("Returns", "can I return my blue sofa", List.of("return-policy"),
                List.of("return-policy"), false)).text("You can return items within 30 days.").faq("return-policy", 0.9));
        EventRow scored = row(NewEvent.of(new EventData.SurveyAnswered("csat", "CSAT", 1, "the agent Bob was rude", "a1",
                "return-policy", "web", "resolved", "chat")));
        EventRow offline = row(NewEvent.of(new EventData.OfflineMessageLeft("ann@example.com")).text("call me back"));

        String answer = codec.redactedPayload(answered);
        String score = codec.redactedPayload(scored);

        assertThat(answer).doesNotContain("blue sofa").doesNotContain("30 days").contains("return-policy");
        assertThat(score).doesNotContain("rude").contains("\"score\":1").contains("CSAT");
        assertThat(codec.redactedPayload(offline)).doesNotContain("ann@example.com").doesNotContain("call me back");
    }

    @Test
    void should_leave_system_events_as_they_were() {
        EventRow notice = row(NewEvent.of(new EventData.HandoffRequested("customer_request", "billing")));

        assertThat(codec.redactedPayload(notice)).isEqualTo(notice.payload());
    }
}
