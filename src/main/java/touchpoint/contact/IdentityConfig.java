package touchpoint.contact;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Widget identity verification ({@code TOUCHPOINT_IDENTITY_SECRET}).
 *
 * @param secret the key host sites sign their user ids with (HMAC-SHA256, hex). No default: while it is unset no
 *               signature can match and every widget conversation stays anonymous.
 */
@ConfigurationProperties("touchpoint.identity")
public record IdentityConfig(@Nullable String secret) {
}
