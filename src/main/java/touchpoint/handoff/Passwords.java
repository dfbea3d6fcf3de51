package touchpoint.handoff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt hashing; the cost makes a leaked table expensive to crack. */
@Singleton
class Passwords {

    private static final int COST = 10;
    /** Checked when the username is unknown, so a login takes as long whether or not the user exists. */
    private final String decoy = hash("decoy-password-for-unknown-users");

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        return password != null && hash != null
                && BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    void burnTime(String password) {
        matches(password == null ? "" : password, decoy);
    }
}
