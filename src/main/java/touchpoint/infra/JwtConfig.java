package touchpoint.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * How staff sign-in tokens are signed.
 *
 * @param secret the HS256 signing secret ({@code TOUCHPOINT_JWT_SECRET}), at least 32 bytes of randomness. Unset,
 *     a random one is generated on first start and kept in the database, so every instance on that database
 *     shares it. A short or placeholder value stops the service from starting: a secret that is written down
 *     somewhere public lets anyone sign themselves an ADMIN token.
 */
@ConfigurationProperties("touchpoint.jwt")
public record JwtConfig(@Nullable String secret) {
}
