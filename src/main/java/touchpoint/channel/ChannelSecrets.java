package touchpoint.channel;

import jakarta.inject.Singleton;
import java.util.Optional;
import touchpoint.infra.Ids;

/** Reads a channel's secrets for the type that uses them; the only way out of the encrypted column. */
@Singleton
public class ChannelSecrets {

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
        // One read of the channel per check: it runs on every API channel message.
        java.util.Map<String, StoredSecret> stored = store.secrets(channelId);
        String expected = Optional.ofNullable(stored.get(name))
                .filter(s -> StoredSecret.HASHED.equals(s.kind()))
                .map(StoredSecret::value)
                .orElse(Ids.hash("absent"));
        return Ids.matches(presented, expected) && stored.containsKey(name);
    }
}
