package touchpoint.channel;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import touchpoint.infra.InstanceSecrets;

/**
 * Encrypts the channel secrets the service must be able to read back (a mail password, a webhook signing key) with
 * AES-256-GCM under a key generated on first use and kept in {@code instance_secret}: a copy of the channel table
 * alone reveals none of them. Each ciphertext is bound to its channel and secret name (the associated data), so a
 * value copied into another channel's row does not decrypt there.
 */
@Singleton
class SecretBox {

    static final String KEY_NAME = "channel-secrets";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final InstanceSecrets instanceSecrets;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    SecretBox(InstanceSecrets instanceSecrets) {
        this.instanceSecrets = instanceSecrets;
    }

    String seal(String channelId, String name, String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated(channelId, name));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    String open(String channelId, String name, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associated(channelId, name));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret " + name + " of channel " + channelId + " does not decrypt", e);
        }
    }

    private static byte[] associated(String channelId, String name) {
        return (channelId + "\n" + name).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(instanceSecrets.key(KEY_NAME, KEY_BYTES), "AES");
            key = k;
        }
        return k;
    }
}
