package touchpoint.channel;

import jakarta.inject.Singleton;
import java.util.Optional;
import touchpoint.infra.Ids;

/** Reads a channel's secrets for the type that uses them; the only way out of the encrypted column. */
@Singleton
public class ChannelSecrets {

    /** What a missing key is compared with: a hash no key has, of the same length as a real one's. */
    private static final String ABSENT = Ids.hash("absent");

    private final ChannelStore store;
    private final SecretBox box;

    ChannelSecrets(ChannelStore store, SecretBox box) {
        this.store = store;
        this.box = box;
    }

    /** The plain value of an encrypted secret (a password, a signing key); empty when it is not set. */
    public Optional<String> reveal(Channel channel, String name) {
        return Optional.ofNullable(store.secrets(channel.id()).get(name))
                .filter(s -> StoredSecret.ENCRYPTED.equals(s.kind()))
                .map(s -> box.open(channel.id(), name, s.value()));
    }

    /**
     * Whether {@code presented} is the channel's hashed secret {@code name} (an API key), in constant time; false when
     * the channel has no such secret, after the same work, so timing does not tell.
     */
    public boolean matches(String channelId, String name, String presented) {
        // From the in-memory channels, known or not alike: an unknown channel reads no more than a known one.
        StoredSecret stored = store.secrets(channelId).get(name);
        boolean held = stored != null && StoredSecret.HASHED.equals(stored.kind());
        return Ids.matches(presented, held ? stored.value() : ABSENT) & held;
    }
}
