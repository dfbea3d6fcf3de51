package touchpoint.infra;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Base64;

/**
 * Keys the service generates for itself and keeps in the database ({@code instance_secret}), so every instance on
 * the same database uses the same one and none is ever written in a configuration file.
 */
@Singleton
public class InstanceSecrets {

    private final InstanceSecretRepository secrets;
    private final Ids ids;
    private final Clock clock;

    InstanceSecrets(InstanceSecretRepository secrets, Ids ids, Clock clock) {
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    /** The key stored under {@code name}, generated with {@code bytes} random bytes the first time it is asked for. */
    public byte[] key(String name, int bytes) {
        String stored = secrets.findById(name).map(InstanceSecretRow::secret).orElseGet(() -> {
            secrets.insertIfAbsent(name, Base64.getEncoder().encodeToString(ids.randomBytes(bytes)), clock.instant());
            // Read back rather than use our own: another instance may have inserted first, and its value stands.
            return secrets.findById(name).map(InstanceSecretRow::secret)
                    .orElseThrow(() -> new IllegalStateException("the key " + name + " could not be stored"));
        });
        return Base64.getDecoder().decode(stored);
    }
}
