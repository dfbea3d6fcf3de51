package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TranscriptScript;

@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.survey.sampling-after-helpful", value = "0")
class ThumbsIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    CustomerClient customer;
    TranscriptScript script;
    String id;
    String token;
    TranscriptEvent answer;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
        script = new TranscriptScript(transcript);
        Reply c = customer.start(null);
        id = c.string("id");
        token = c.string("token");
        customer.say(id, token, "q1", "How do I return a lamp?");
        answer = script.ofType(id, EventType.BOT_ANSWERED).get(0);
    }

    @Test
    void should_store_a_thumbs_up_as_answer_rated_with_the_faq_and_message() {
        Reply rated = rate(answer.id(), token, "{\"helpful\":true}");

        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.map("accepted")).containsEntry("type", "ANSWER_RATED");
        assertThat(rated.body().getOrDefault("replies", List.of()).toString()).isEqualTo("[]");
        TranscriptEvent stored = script.last(id);
        assertThat(stored.data()).isEqualTo(new EventData.AnswerRated("return-policy", true, answer.seq(), "thumbs"));
    }

    @Test
    void should_offer_the_next_candidate_and_a_person_after_a_thumbs_down() {
        Reply rated = rate(answer.id(), token, "{\"helpful\":false}");

        List<Map<String, Object>> replies = rated.list("replies");
        assertThat(replies).extracting(m -> m.get("type")).containsExactly("BOT_ANSWERED", "SYSTEM_NOTICE");
        assertThat(replies.get(0)).containsEntry("faqId", "refund-timing");
        assertThat(replies.get(1).get("options").toString()).contains("Talk to a person");
        assertThat(transcript.state(id).rejectedFaqIds()).contains("return-policy");
    }

    @Test
    void should_fall_back_with_the_person_option_when_no_candidate_is_left() {
        rate(answer.id(), token, "{\"helpful\":false}");
        TranscriptEvent second = script.ofType(id, EventType.BOT_ANSWERED).get(1);

        Reply rated = rate(second.id(), token, "{\"helpful\":false}");

        assertThat(rated.list("replies")).extracting(m -> m.get("type")).containsExactly("BOT_FELL_BACK");
        assertThat(rated.list("replies").get(0).get("options").toString()).contains("Talk to a person");
    }

    @Test
    void should_refuse_a_second_rating_of_the_same_answer_with_409() {
        rate(answer.id(), token, "{\"helpful\":true}");

        Reply again = rate(answer.id(), token, "{\"helpful\":false}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(script.ofType(id, EventType.ANSWER_RATED)).hasSize(1);
    }

    @Test
    void should_refuse_rating_something_that_is_not_a_bot_answer_with_400() {
        TranscriptEvent greeting = script.ofType(id, EventType.BOT_GREETED).get(0);

        Reply rated = rate(greeting.id(), token, "{\"helpful\":true}");

        assertThat(rated.status()).isEqualTo(400);
        assertThat(rated.body()).containsEntry("field", "messageId");
    }

    @Test
    void should_answer_404_for_an_unknown_message_or_a_wrong_token_and_400_for_a_bad_body() {
        assertThat(rate("00000000-0000-0000-0000-000000000000", token, "{\"helpful\":true}").status()).isEqualTo(404);
        assertThat(rate(answer.id(), "wrong", "{\"helpful\":true}").status()).isEqualTo(404);
        Reply other = customer.start(null);
        assertThat(rate(answer.id(), other.string("token"), "{\"helpful\":true}").status()).isEqualTo(404);
        Reply bad = rate(answer.id(), token, "{\"helpful\":\"yes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).containsEntry("field", "helpful");
        assertThat(script.ofType(id, EventType.ANSWER_RATED)).isEmpty();
    }

    private Reply rate(String messageId, String bearer, String body) {
        return customer.exchange(HttpRequest.POST("/api/conversations/" + id + "/messages/" + messageId + "/feedback", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(bearer));
    }
}
