package touchpoint.testing;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.util.List;

/** Mints staff JWTs directly, the way {@code POST /login} would, without depending on the login feature. */
public final class Tokens {

    private final JwtTokenGenerator generator;

    public Tokens(JwtTokenGenerator generator) {
        this.generator = generator;
    }

    public String admin() {
        return token("admin@example.com", "ADMIN");
    }

    public String agent() {
        return token("agent-ann", "AGENT");
    }

    public String token(String user, String... roles) {
        return generator.generateToken(Authentication.build(user, List.of(roles)), 3600).orElseThrow();
    }
}
