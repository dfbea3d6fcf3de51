package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as asking for a person and as frustration, with the default configuration. */
@MicronautTest(startApplication = false, transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class EscalationDetectorsIT {

    @Inject
    PersonRequestDetector person;

    @Inject
    FrustrationDetector frustration;

    @Inject
    HandoffConfig config;

    @ParameterizedTest
    @ValueSource(strings = {"talk to a person", "Talk to a person", "human", "Human please!", "real person", "agent please",
        "speak to someone", "Can I talk to someone?", "operator", "I want to speak to a human", "representative",
        "Is there a person I can talk to?", "can i speak with someone please", "let me talk to an agent", "REAL PERSON NOW"})
    void should_recognise_a_request_for_a_person_in_any_wording(String text) {
        assertThat(person.asksForPerson(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"My delivery agent left the parcel outside", "Is this lamp safe for humans and pets?",
        "how do I return a lamp", "Can someone else collect my order for me from the store?", "personalised engraving options",
        "Am I talking to a real person?", "is this a real human", "are you a bot?"})
    void should_not_count_a_question_that_only_mentions_people_as_a_request(String text) {
        assertThat(person.asksForPerson(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is useless!!!", "THIS IS RIDICULOUS", "what the fuck", "worst service ever, totally useless",
        "WHERE IS MY ORDER?!", "this is a joke, absolutely pathetic"})
    void should_score_at_the_threshold_when_a_message_is_angry(String text) {
        assertThat(frustration.score(text)).isGreaterThanOrEqualTo(config.frustrationThreshold());
    }

    @ParameterizedTest
    @ValueSource(strings = {"how do I return a lamp", "Thanks!", "UPS tracking number please", "my order is late",
        "that is not what I meant"})
    void should_score_below_the_threshold_when_a_message_is_calm(String text) {
        assertThat(frustration.score(text)).isLessThan(config.frustrationThreshold());
    }
}
