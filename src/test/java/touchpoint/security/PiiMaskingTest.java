package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import touchpoint.infra.PiiMasker;

class PiiMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail me at jane.doe+shop@example.co.uk please | mail me at [email] please",
        "JANE@EXAMPLE.COM                              | [email]",
        "my card is 4111 1111 1111 1111 thanks        | my card is [card ****1111] thanks",
        "card 4111-1111-1111-1111                      | card [card ****1111]",
        "amex 378282246310005                          | amex [card ****0005]",
        "call me on +44 20 7946 0958                   | call me on [phone]",
        "call 0151 496 0000 or (415) 555-2671          | call [phone] or [phone]",
        "my number is 07700900123                      | my number is [phone]",
    })
    void should_mask_emails_luhn_valid_cards_and_phone_numbers(String text, String masked) {
        assertThat(PiiMasker.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "order HP-123456 arrived late",
        "conversation=3f1c2a9e-1b2c-4d5e-8f90-123456789abc seq=12 ms=4",
        "conversation=f73eb608-1234-5678-aa7a-4c9475eea324 seq=5",
        "id 00000000-0000-0000-0000-000000000001",
        "I ordered 3 chairs for 249.99",
        "the delivery slot on 2026-11-23 was missed",
        "",
    })
    void should_leave_text_without_personal_data_alone(String text) {
        assertThat(PiiMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void should_not_take_a_number_that_fails_the_luhn_check_for_a_card() {
        // 16 digits, not a valid card: long enough to look like one, but it is masked at most as a phone number.
        assertThat(PiiMasker.mask("ref 4111 1111 1111 1112")).doesNotContain("[card");
    }

    @Test
    void should_mask_in_linear_time_on_hostile_input() {
        String hostile = "a@".repeat(1000) + "1 ".repeat(1000) + "x.".repeat(1000);
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            PiiMasker.mask(hostile);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void should_mask_personal_data_in_log_lines_and_stack_traces_with_the_services_logback_configuration() throws Exception {
        assertThat(logged("STDOUT")).contains("customer wrote [email] and [card ****1111]")
                .contains("boom for [phone]")
                .doesNotContain("jane@example.com").doesNotContain("4111111111111111").doesNotContain("07700900123");
    }

    @Test
    void should_mask_personal_data_in_json_log_lines() throws Exception {
        assertThat(logged("JSON")).contains("customer wrote [email] and [card ****1111]")
                .doesNotContain("jane@example.com").doesNotContain("4111111111111111").doesNotContain("07700900123");
    }

    /** Configures a private logger context from the service's logback.xml, logs one line and returns the output. */
    private static String logged(String format) throws Exception {
        System.setProperty("TOUCHPOINT_LOG_FORMAT", format);
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(PiiMaskingTest.class.getResource("/logback.xml"));
            // Encode one event with the encoder the configuration gave the appender: exactly what it would write.
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);
            Logger logger = context.getLogger("touchpoint.chat");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "customer wrote {} and {}",
                    new IllegalStateException("boom for 07700900123"), new Object[] {"jane@example.com", "4111111111111111"});
            String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
            context.stop();
            return line;
        } finally {
            System.clearProperty("TOUCHPOINT_LOG_FORMAT");
        }
    }
}
