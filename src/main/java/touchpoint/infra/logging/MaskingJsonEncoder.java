package touchpoint.infra.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import touchpoint.infra.PiiMasker;

/**
 * The JSON log format with personal data masked. Logback's encoder writes the raw message template, its
 * arguments and exception messages; this hands it an event whose message is already formatted and masked,
 * without the arguments, and whose exception messages are masked too.
 */
public class MaskingJsonEncoder extends JsonEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(new Masked(event));
    }

    private record Masked(ILoggingEvent e) implements ILoggingEvent {
        @Override
        public String getThreadName() {
            return e.getThreadName();
        }

        @Override
        public Level getLevel() {
            return e.getLevel();
        }

        @Override
        public String getMessage() {
            return getFormattedMessage();
        }

        @Override
        public Object[] getArgumentArray() {
            return null;
        }

        @Override
        public String getFormattedMessage() {
            return PiiMasker.mask(e.getFormattedMessage());
        }

        @Override
        public String getLoggerName() {
            return e.getLoggerName();
        }

        @Override
        public LoggerContextVO getLoggerContextVO() {
            return e.getLoggerContextVO();
        }

        @Override
        public IThrowableProxy getThrowableProxy() {
            return e.getThrowableProxy() == null ? null : new MaskedThrowable(e.getThrowableProxy());
        }

        @Override
        public StackTraceElement[] getCallerData() {
            return e.getCallerData();
        }

        @Override
        public boolean hasCallerData() {
            return e.hasCallerData();
        }

        @Override
        public List<Marker> getMarkerList() {
            return e.getMarkerList();
        }

        @Override
        public Map<String, String> getMDCPropertyMap() {
            return e.getMDCPropertyMap();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Map<String, String> getMdc() {
            return e.getMdc();
        }

        @Override
        public long getTimeStamp() {
            return e.getTimeStamp();
        }

        @Override
        public int getNanoseconds() {
            return e.getNanoseconds();
        }

        @Override
        public long getSequenceNumber() {
            return e.getSequenceNumber();
        }

        @Override
        public List<KeyValuePair> getKeyValuePairs() {
            List<KeyValuePair> pairs = e.getKeyValuePairs();
            return pairs == null ? null : pairs.stream()
                    .map(p -> new KeyValuePair(p.key, p.value == null ? null : PiiMasker.mask(String.valueOf(p.value))))
                    .toList();
        }

        @Override
        public void prepareForDeferredProcessing() {
            e.prepareForDeferredProcessing();
        }
    }

    private record MaskedThrowable(IThrowableProxy t) implements IThrowableProxy {
        @Override
        public String getMessage() {
            return PiiMasker.mask(t.getMessage());
        }

        @Override
        public String getClassName() {
            return t.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return t.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return t.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return t.getCause() == null ? null : new MaskedThrowable(t.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] s = t.getSuppressed();
            if (s == null) {
                return null;
            }
            IThrowableProxy[] out = new IThrowableProxy[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = new MaskedThrowable(s[i]);
            }
            return out;
        }

        @Override
        public boolean isCyclic() {
            return t.isCyclic();
        }
    }
}
