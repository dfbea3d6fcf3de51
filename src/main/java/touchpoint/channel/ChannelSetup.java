package touchpoint.channel;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link ChannelType} keeps of the admin's fields: settings, and secrets with how each is stored and shown. */
public final class ChannelSetup {

    /** How a secret is kept: encrypted when the service must use it, only hashed when it must only recognise it. */
    public enum Storage { ENCRYPTED, HASHED }

    record Secret(String value, Storage storage, boolean showOnce) {
    }

    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();

    ChannelSetup() {
    }

    /** A setting shown to admins (a host name, a URL, a port, a flag); a string, number or boolean. */
    public ChannelSetup setting(String name, Object value) {
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException(name + ": a setting is a string, number or boolean");
        }
        settings.put(name, value);
        return this;
    }

    /** A secret the admin gave (a mail password): stored encrypted, never shown again. */
    public ChannelSetup secret(String name, String value) {
        secrets.put(name, new Secret(value, Storage.ENCRYPTED, false));
        return this;
    }

    /** A secret the service made and must use itself (a signing key): stored encrypted, shown once in the response. */
    public ChannelSetup generatedSecret(String name, String value) {
        secrets.put(name, new Secret(value, Storage.ENCRYPTED, true));
        return this;
    }

    /** A key the service made and must only recognise (an API key): stored as its hash, shown once in the response. */
    public ChannelSetup generatedKey(String name, String value) {
        secrets.put(name, new Secret(value, Storage.HASHED, true));
        return this;
    }

    Map<String, Object> settings() {
        return settings;
    }

    Map<String, Secret> secrets() {
        return secrets;
    }
}
