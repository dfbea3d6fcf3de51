package touchpoint.contact;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * @param retention days after a conversation's last activity when its transcript is redacted as an erasure would
 *                  (texts and personal facts removed, events kept); unset or 0: kept until erased
 *                  ({@code TOUCHPOINT_PRIVACY_RETENTION})
 */
@ConfigurationProperties("touchpoint.privacy")
public record PrivacyConfig(@Nullable Integer retention) {

    public boolean retentionEnabled() {
        return retention != null && retention > 0;
    }
}
