package touchpoint.channel.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param pollInterval how often every enabled email channel's mailbox is read
 * @param maxPerPoll mails handled per channel and poll; the rest wait for the next one, so one flood cannot hold a poller
 * @param publicUrl the address customers reach this service at (https://support.example.com): survey links in mail
 *                  point there; unset, a mailed survey asks for a number in reply only
 * @param surveyLinkTtl how long a mailed survey link records an answer
 */
@ConfigurationProperties("touchpoint.email")
record EmailConfig(
        @Bindable(defaultValue = "30s") Duration pollInterval,
        @Bindable(defaultValue = "50") int maxPerPoll,
        @Nullable String publicUrl,
        @Bindable(defaultValue = "14d") Duration surveyLinkTtl) {
}
