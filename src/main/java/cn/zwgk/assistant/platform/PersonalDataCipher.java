package cn.zwgk.assistant.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (ID and phone numbers, addresses …) at rest with AES-256-GCM. The key comes
 * from {@code DATA_ENCRYPTION_KEY} (base64 of 32 bytes); without it the {@code prod} profile refuses
 * to start, and other profiles generate a key once into {@code DATA_DIR/keys/data.key}.
 * Ciphertext is {@code v1:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>}; the key id (a fingerprint of
 * the key) lets a rotation tell old values from new ones. Where the keys come from is {@link DataKeys}' job.
 *
 * <p>Rotation: the new key becomes {@code DATA_ENCRYPTION_KEY} and the old one moves to
 * {@code PREVIOUS_DATA_ENCRYPTION_KEYS}. New values are sealed under the new key; a value is opened
 * with the key its id names; {@link #reencrypt} rewrites an old value under the new key (the owning
 * modules run it over their rows at start-up). Keys derived by {@link #derivedKey} come from the
 * current key only: links signed before the rotation stop working (see docs/operations.md).
 */
@Component
public class PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PersonalDataCipher(PlatformProperties properties, Environment environment) {
        this(DataKeys.load(properties, environment), DataKeys.previous(properties));
    }

    /** A cipher with the given raw 32-byte key (tests, tools). */
    public PersonalDataCipher(byte[] rawKey) {
        this(rawKey, List.of());
    }

    /** A cipher that seals under {@code rawKey} and still opens values sealed under {@code previous}. */
    public PersonalDataCipher(byte[] rawKey, List<byte[]> previous) {
        this.key = DataKeys.aes(rawKey);
        this.keyId = DataKeys.fingerprint(rawKey);
        this.keys.put(keyId, key);
        for (byte[] old : previous) {
            keys.putIfAbsent(DataKeys.fingerprint(old), DataKeys.aes(old));
        }
        if (keys.size() > 1) {
            log.info("Data encryption key {} is current; also reading values under previous keys {}", keyId,
                    keys.keySet().stream().skip(1).toList());
        }
    }

    /** The ciphertext of {@code plain}; {@code null} stays {@code null}. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plain text of a value from {@link #encrypt}; fails loudly on a foreign key or tampering. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("Not a " + VERSION + " ciphertext");
        }
        SecretKey sealedWith = keys.get(parts[1]);
        if (sealedWith == null) {
            throw new IllegalStateException("Value was encrypted with key " + parts[1] + ", current key is " + keyId
                    + " and no previous key has that id (platform.previous-data-encryption-keys)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealedWith, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (wrong key or tampered value)", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** Whether a previous key is configured, i.e. a rotation may still have values to rewrite. */
    public boolean rotating() {
        return keys.size() > 1;
    }

    /** Whether {@code stored} (a value from {@link #encrypt}, or null) is sealed under the current key. */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(VERSION + ":" + keyId + ":");
    }

    /** {@code stored} sealed under the current key: the same string if it already is. */
    public String reencrypt(String stored) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored));
    }

    /**
     * A 32-byte key for another purpose (signing download links …), derived one way from the data key
     * as HMAC-SHA256(key, "zwgk-derived-key:" + purpose): every instance with the same
     * {@code DATA_ENCRYPTION_KEY} derives the same key, and the derived key does not reveal the data key.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("zwgk-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
