package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import touchpoint.infra.InvalidRequest;

class HeaderValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hello\r\nBcc: everyone@example.com", "Hello\nBcc: x@example.com", "Hello\rX: y", "a\u2028b", "a\0b"})
    void should_refuse_a_subject_with_a_line_break(String subject) {
        assertThatThrownBy(() -> HeaderValues.subject("subject", subject)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("single line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna@example.com\r\nBcc: all@example.com", "anna@example.com, bob@example.com", "not an address",
            "group: a@example.com, b@example.com;", "anna@example.com\nX-Injected: 1", "\"x\r\n\" <a@example.com>"})
    void should_refuse_anything_but_one_plain_address(String value) {
        assertThatThrownBy(() -> HeaderValues.address("email", value)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void should_accept_a_named_address_and_lower_case_its_domain() {
        assertThat(HeaderValues.canonical(HeaderValues.address("email", "Anna <Anna.B@Example.COM>"))).isEqualTo("Anna.B@example.com");
    }

    @Test
    void should_refuse_an_overlong_subject() {
        assertThatThrownBy(() -> HeaderValues.subject("subject", "x".repeat(HeaderValues.MAX_SUBJECT + 1)))
                .isInstanceOf(InvalidRequest.class);
    }
}
