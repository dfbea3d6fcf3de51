package touchpoint.infra;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one key staff tokens are signed and verified with. Micronaut signs with the
 * {@code SignatureGeneratorConfiguration} named {@code generator} and verifies against every
 * {@code SignatureConfiguration}; this is both, so no key written in a configuration file is ever used.
 *
 * <p>Created with the context, so a refused {@code TOUCHPOINT_JWT_SECRET} stops the start instead of the first sign-in.
 * Declared as the interface: a factory method typed {@code SecretSignature} inherits that class's
 * {@code @EachBean(SecretSignatureConfiguration)} and silently yields no bean — and with no signature at all,
 * Micronaut issues unsigned tokens and accepts them.
 */
@Factory
class JwtSigning {

    private static final Logger LOG = LoggerFactory.getLogger(JwtSigning.class);
    static final String SECRET_NAME = "jwt-signing";
    /** 384 bits: above the 256 HS256 needs, and still valid should the algorithm move to HS384. */
    private static final int GENERATED_BYTES = 48;

    @Context
    @Named("generator")
    SignatureGeneratorConfiguration generator(JwtConfig config, InstanceSecretRepository secrets, Ids ids, Clock clock) {
        String secret = config.secret();
        if (secret == null || secret.isBlank()) {
            secret = storedSecret(secrets, ids, clock);
        } else {
            JwtSecretPolicy.check(secret);
        }
        SecretSignatureConfiguration signature = new SecretSignatureConfiguration("generator");
        signature.setSecret(secret);
        return new SecretSignature(signature);
    }

    private static String storedSecret(InstanceSecretRepository secrets, Ids ids, Clock clock) {
        return secrets.findById(SECRET_NAME).map(InstanceSecretRow::secret).orElseGet(() -> {
            secrets.insertIfAbsent(SECRET_NAME, Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(GENERATED_BYTES)),
                    clock.instant());
            LOG.info("JWT signing secret generated on first start and kept in the database (TOUCHPOINT_JWT_SECRET is unset)");
            // Read back rather than use our own: another instance may have inserted first, and its value stands.
            return secrets.findById(SECRET_NAME).map(InstanceSecretRow::secret)
                    .orElseThrow(() -> new IllegalStateException("the JWT signing secret could not be stored"));
        });
    }
}
