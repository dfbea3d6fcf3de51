package touchpoint.infra.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import touchpoint.infra.PiiMasker;

/**
 * {@code %maskedEx}: stack traces with personal data masked, since exception messages (a rejected SQL value,
 * a parse error quoting its input) can carry what a customer typed.
 */
public class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PiiMasker.mask(super.convert(event));
    }
}
