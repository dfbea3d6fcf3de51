package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import touchpoint.chat.SmallTalk.Intent;

class SmallTalkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hi | GREETING",
        "Hello there! | GREETING",
        "good morning | GREETING",
        "thanks | THANKS",
        "Thank you so much!! | THANKS",
        "ok great, thank you | THANKS",
        "thanks, great | THANKS",
        "cheers | THANKS",
        "ok | ACKNOWLEDGEMENT",
        "Got it 👍 | ACKNOWLEDGEMENT",
        "perfect | ACKNOWLEDGEMENT",
        "bye | GOODBYE",
        "thanks, bye! | GOODBYE",
        "no thanks, that's all | GOODBYE",
        "Have a nice day | GOODBYE",
        "are you a bot? | IDENTITY",
        "Am I talking to a real person? | IDENTITY",
        "who are you | IDENTITY",
        "Is this a human? | IDENTITY",
        "help | HELP",
        "I need help please | HELP",
        "hi, can you help me? | HELP",
        "I have a question | HELP",
    })
    void should_recognise_a_message_that_is_only_social(String text, Intent intent) {
        assertThat(SmallTalk.of(text)).contains(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi, where is my parcel?", "thanks but my refund never came", "ok so how do I return it",
        "hello I was charged twice", "is it ok to return a used item", "good morning, can I change my order?", "", "?"})
    void should_leave_anything_with_a_question_in_it_to_the_knowledge_base(String text) {
        assertThat(SmallTalk.of(text)).isEqualTo(Optional.empty());
    }
}
