package touchpoint.infra.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import touchpoint.infra.PiiMasker;

/**
 * {@code %maskedMsg} in a logback pattern: the formatted message with e-mail addresses, card numbers and
 * phone numbers masked, so a customer's words logged at DEBUG (or quoted in a warning) never leak them.
 */
public class MaskedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PiiMasker.mask(event.getFormattedMessage());
    }
}
