package touchpoint.channel;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One secret as the {@code channel.secrets} column keeps it.
 *
 * @param kind {@code aes-gcm} (the value is the {@link SecretBox} ciphertext) or {@code sha-256} (the value is the hash)
 */
@Serdeable
record StoredSecret(String kind, String value) {
    static final String ENCRYPTED = "aes-gcm";
    static final String HASHED = "sha-256";
}
