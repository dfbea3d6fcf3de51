package touchpoint.chat;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A button the customer can press instead of typing; pressing it sends {@code value} as the message text.
 */
@Serdeable
public record Option(String value, String label) {
}
