package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type's data survives the payload column, and the customer API shows it as plain JSON. */
class EventDataJsonTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private final EventCodec codec = new EventCodec(JSON);

    /** One filled-in record per event type that carries data; a new type without a sample fails the test below. */
    static Stream<EventData> samples() {
        return Stream.of(
                new EventData.ConversationStarted("web", "en"),
                new EventData.BotAnswered("Returns", "can I return it", List.of("return-policy", "refunds"), List.of("return-policy"), false),
                new EventData.BotAnswered("Returns", "returns", List.of("return-policy"), List.of("return-policy"), true),
                new EventData.BotClarified("refund", List.of("refunds", "return-policy"), 0.52),
                new EventData.BotFellBack("quantum", List.of(), 0.12),
                new EventData.BotSmallTalk("greeting"),
                EventData.SystemNotice.queue("billing", 2, 6L),
                EventData.SystemNotice.noAgentOnline("general"),
                EventData.SystemNotice.of(EventData.SystemNotice.SURVEY_THANKS),
                new EventData.HandoffRequested("repeated_fallback", "billing"),
                new EventData.AgentAssigned("a1", "billing", "auto"),
                new EventData.AgentJoined("a1", "Ada"),
                new EventData.AgentReplied("a1", "Ada", "warranty"),
                new EventData.ConversationTransferred("tech", "a1"),
                new EventData.BotResumed("a1"),
                new EventData.ConversationResolved(null),
                new EventData.OfflineMessageLeft("me@example.com"),
                new EventData.SurveyAsked("csat", "CSAT", "resolved"),
                new EventData.SurveyAnswered("csat", "CSAT", 4, "quick", "a1", "warranty", "web", "resolved", "chat"),
                new EventData.SurveySkipped("ces", "CES", "skip"),
                new EventData.SurveyExpired("ces", null),
                new EventData.AnswerRated("warranty", false, 7, EventData.AnswerRated.VIA_THUMBS),
                new EventData.NoteAdded("agent-1", "Sam"),
                new EventData.LabelsChanged(List.of("vip"), List.of("damaged"), List.of("refund", "vip"), "agent-1"),
                new EventData.CustomerAttached("att-1", "image/png", 68, "lamp.png"),
                new EventData.AgentAttached("att-2", "application/pdf", 1200, "label.pdf", "agent-1", "Sam"),
                new EventData.ContactIdentified("c-1", "SITE_USER", null),
                new EventData.ContactIdentified("c-2", "MERGED", "c-1"),
                new EventData.TranscriptRedacted("erasure"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void should_read_back_the_record_it_stored(EventData data) {
        TranscriptEvent read = codec.event(row(data.eventType(), codec.payload(NewEvent.of(data).text("t"))));

        assertThat(read.type()).isEqualTo(data.eventType());
        assertThat(read.data()).isEqualTo(data);
        assertThat(read.text()).isEqualTo("t");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void should_build_a_stored_event_equal_to_the_one_read_back(EventData data) {
        NewEvent written = NewEvent.of(data).text("t").html("<p>t</p>").faq("f", 0.5).options(List.of(new Option("Yes", "yes")));
        EventRow row = row(data.eventType(), codec.payload(written));

        assertThat(codec.stored(row, written)).isEqualTo(codec.event(row));
    }

    @Test
    void should_build_a_stored_event_without_data_equal_to_the_one_read_back() {
        NewEvent written = NewEvent.of(EventType.CUSTOMER_ASKED).text("hello");
        EventRow row = row(EventType.CUSTOMER_ASKED, codec.payload(written));

        assertThat(codec.stored(row, written)).isEqualTo(codec.event(row));
    }

    @Test
    void should_have_a_sample_for_every_event_type_that_carries_data() {
        List<EventType> withData = Arrays.stream(EventType.values()).filter(t -> t.dataType() != null).toList();

        assertThat(samples().map(EventData::eventType).distinct().toList()).containsExactlyInAnyOrderElementsOf(withData);
    }

    @Test
    void should_store_an_event_without_data_without_a_data_field() {
        TranscriptEvent read = codec.event(row(EventType.CUSTOMER_ASKED, codec.payload(NewEvent.of(EventType.CUSTOMER_ASKED).text("hi"))));

        assertThat(read.data()).isNull();
        assertThat(read.text()).isEqualTo("hi");
    }

    @Test
    void should_show_data_as_typed_json_and_every_list_even_when_empty() throws IOException {
        TranscriptEvent rated = new TranscriptEvent("c1", 8, "m8", EventType.ANSWER_RATED, null, null, null, null, null, null,
                new EventData.AnswerRated("warranty", false, 7, "thumbs"), null, 7L, Instant.EPOCH);
        TranscriptEvent fellBack = new TranscriptEvent("c1", 9, "m9", EventType.BOT_FELL_BACK, "Sorry", null, null, null, null, null,
                new EventData.BotFellBack("quantum", List.of(), 0.1), null, null, Instant.EPOCH);

        Map<String, Object> ratedJson = asMap(rated);
        Map<String, Object> fellBackJson = asMap(fellBack);

        assertThat(ratedJson).containsEntry("options", List.of()).containsEntry("author", "customer").doesNotContainKey("text");
        assertThat(ratedJson.get("data")).isEqualTo(Map.of("faqId", "warranty", "helpful", false, "messageSeq", 7, "via", "thumbs"));
        assertThat(fellBackJson.get("data")).isEqualTo(Map.of("question", "quantum", "candidates", List.of(), "confidence", 0.1));
    }

    @Test
    void should_answer_a_message_without_replies_with_an_empty_replies_list() throws IOException {
        TranscriptEvent asked = new TranscriptEvent("c1", 3, "m3", EventType.CUSTOMER_ASKED, "hello?", null, null, null, null, null,
                null, "k1", null, Instant.EPOCH);

        Map<String, Object> json = JSON.readValue(JSON.writeValueAsString(new ConversationApi.SendResponse(asked, List.of())),
                Argument.mapOf(String.class, Object.class));

        assertThat(json).containsEntry("replies", List.of());
        @SuppressWarnings("unchecked") Map<String, Object> accepted = (Map<String, Object>) json.get("accepted");
        assertThat(accepted).containsEntry("options", List.of()).doesNotContainKey("data").doesNotContainKey("html");
    }

    @Test
    void should_read_a_row_written_before_events_were_typed() {
        String old = "{\"text\":\"Here is how\",\"faqId\":\"return-policy\",\"confidence\":0.91,"
                + "\"data\":{\"title\":\"Returns\",\"question\":\"can I return it\",\"candidates\":\"return-policy,refunds\","
                + "\"cited\":\"return-policy\",\"chosen\":\"true\"}}";

        TranscriptEvent read = codec.event(row(EventType.BOT_ANSWERED, old));

        assertThat(read.data()).isEqualTo(new EventData.BotAnswered("Returns", "can I return it",
                List.of("return-policy", "refunds"), List.of("return-policy"), true));
        assertThat(read.options()).isEmpty();
    }

    @Test
    void should_read_old_ratings_scores_and_notices_as_booleans_and_numbers() {
        assertThat(codec.event(row(EventType.ANSWER_RATED,
                "{\"data\":{\"helpful\":\"false\",\"faqId\":\"warranty\",\"messageSeq\":\"7\",\"via\":\"text\"}}")).data())
                .isEqualTo(new EventData.AnswerRated("warranty", false, 7, "text"));
        assertThat(codec.event(row(EventType.SURVEY_ANSWERED,
                "{\"data\":{\"questionId\":\"csat\",\"type\":\"CSAT\",\"score\":\"2\",\"agentId\":\"a1\",\"via\":\"chat\"}}")).data())
                .isEqualTo(new EventData.SurveyAnswered("csat", "CSAT", 2, null, "a1", null, null, null, "chat"));
        assertThat(codec.event(row(EventType.SYSTEM_NOTICE,
                "{\"text\":\"Nobody\",\"data\":{\"notice\":\"no_agent_online\",\"offlineMessage\":\"true\",\"team\":\"general\"}}")).data())
                .isEqualTo(EventData.SystemNotice.noAgentOnline("general"));
        assertThat(codec.event(row(EventType.BOT_CLARIFIED,
                "{\"data\":{\"question\":\"refund\",\"candidates\":\"a,b\",\"confidence\":\"0.520\"}}")).data())
                .isEqualTo(new EventData.BotClarified("refund", List.of("a", "b"), 0.52));
    }

    private Map<String, Object> asMap(TranscriptEvent event) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(event), Argument.mapOf(String.class, Object.class));
    }

    private static EventRow row(EventType type, String payload) {
        return new EventRow(1L, "c1", 1, "m1", type.name(), null, null, Instant.EPOCH, payload);
    }
}
