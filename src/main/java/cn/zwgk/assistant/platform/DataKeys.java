package cn.zwgk.assistant.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Where the {@link PersonalDataCipher}'s keys come from: {@code DATA_ENCRYPTION_KEY} (refused missing
 * under the {@code prod} profile, else generated once into {@code DATA_DIR/keys/data.key}), the
 * previous keys of a rotation, and the key ids (fingerprints) that name them in ciphertexts.
 */
final class DataKeys {

    /** Logged under the cipher's name, as before the keys had a class of their own. */
    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

    private DataKeys() {
    }

    static SecretKey aes(byte[] rawKey) {
        if (rawKey.length != 32) {
            throw new IllegalStateException("The data encryption key must be 32 bytes (AES-256), got " + rawKey.length);
        }
        return new SecretKeySpec(rawKey.clone(), "AES");
    }

    static byte[] load(PlatformProperties properties, Environment environment) {
        String configured = properties.dataEncryptionKey();
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.strip());
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new StartupRefusal("DATA_ENCRYPTION_KEY", "is not set: the prod profile needs the key for personal data",
                    "Set DATA_ENCRYPTION_KEY to base64 of 32 random bytes (openssl rand -base64 32), the same on every "
                    + "instance, kept in the secret store.");
        }
        Path file = Path.of(properties.dataDir(), "keys", "data.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            log.warn("DATA_ENCRYPTION_KEY is not set: generated a data encryption key in {}. "
                    + "Keep this file; without it encrypted personal data cannot be read.", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    static List<byte[]> previous(PlatformProperties properties) {
        List<String> configured = properties.previousDataEncryptionKeys();
        return configured == null ? List.of() : configured.stream().filter(k -> k != null && !k.isBlank())
                .map(k -> Base64.getDecoder().decode(k.strip())).toList();
    }

    static String fingerprint(byte[] rawKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
