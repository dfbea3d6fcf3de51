package touchpoint.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackDataTest {

    private static final byte[] KEY = "a channel's own callback key, 32+".getBytes(StandardCharsets.UTF_8);

    @Test
    void should_read_back_what_it_signed_for_the_same_chat() {
        String data = CallbackData.option(123456789012L, 10).sign(KEY, 4242);

        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(CallbackData.verify(KEY, 4242, data)).contains(CallbackData.option(123456789012L, 10));
        assertThat(CallbackData.verify(KEY, 4242, CallbackData.rating(7, false).sign(KEY, 4242)).orElseThrow().helpful()).isFalse();
    }

    @Test
    void should_refuse_a_button_signed_for_another_chat() {
        String data = CallbackData.option(5, 0).sign(KEY, 1111);

        assertThat(CallbackData.verify(KEY, 2222, data)).isEmpty();
    }

    @Test
    void should_refuse_a_button_signed_with_another_channels_key() {
        String data = CallbackData.option(5, 0).sign("another channel's callback key!!!".getBytes(StandardCharsets.UTF_8), 1111);

        assertThat(CallbackData.verify(KEY, 1111, data)).isEmpty();
    }

    @Test
    void should_refuse_edited_or_malformed_data() {
        String data = CallbackData.option(5, 0).sign(KEY, 1111);

        assertThat(CallbackData.verify(KEY, 1111, data.replace("o:5:0", "o:5:1"))).isEmpty();
        assertThat(CallbackData.verify(KEY, 1111, data.replace("o:5", "o:6"))).isEmpty();
        assertThat(CallbackData.verify(KEY, 1111, "o:5:0")).isEmpty();
        assertThat(CallbackData.verify(KEY, 1111, "")).isEmpty();
        assertThat(CallbackData.verify(KEY, 1111, null)).isEmpty();
        assertThat(CallbackData.verify(KEY, 1111, "x".repeat(65))).isEmpty();
    }
}
