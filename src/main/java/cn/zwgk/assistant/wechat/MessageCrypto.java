package cn.zwgk.assistant.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's signatures and its AES "safe mode" message encryption, both ways: inbound messages are
 * opened here, passive replies sealed here. WxJava's {@code WxCryptUtil} is not used on the webhook:
 * it accepts any padding (an out-of-range pad byte is read as none, the pad bytes are not compared),
 * where a message that is not exactly PKCS#7-padded is refused here (400), and decryption returns
 * the appId found inside the message so that the caller can check it (403).
 */
final class MessageCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private MessageCrypto() {
    }

    /** sha1 of the sorted, concatenated parts, as lower-case hex; null parts are refused. */
    static String signature(String... parts) {
        for (String p : parts) {
            if (p == null) {
                throw new IllegalArgumentException("signature part missing");
            }
        }
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a computed signature with the one received. */
    static boolean matches(String expected, String received) {
        return received != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), received.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Letters and digits, uniformly drawn from one {@code nextBytes} call (or a few) rather than one per character. */
    static String randomString(int length) {
        char[] chars = new char[length];
        byte[] bytes = new byte[length + length / 2];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int v = bytes[i] & 0x3f;
                if (v < ALPHANUM.length()) {
                    chars[filled++] = ALPHANUM.charAt(v);
                }
            }
        }
        return new String(chars);
    }

    /**
     * A passive reply as WeChat expects it in safe mode: {@code xml} encrypted with the account's
     * current EncodingAESKey, signed ({@code MsgSignature} over token, timestamp, nonce and
     * ciphertext), in the same envelope WxJava writes.
     */
    static String seal(Account account, String xml, long epochSeconds) {
        String encrypted = encrypt(account.aesKey(), account.appId(), randomString(16), xml);
        String timestamp = Long.toString(epochSeconds);
        String nonce = randomString(16);
        return "<xml>\n<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>\n<MsgSignature><![CDATA["
                + signature(account.token(), timestamp, nonce, encrypted) + "]]></MsgSignature>\n<TimeStamp>"
                + timestamp + "</TimeStamp>\n<Nonce><![CDATA[" + nonce + "]]></Nonce>\n</xml>";
    }

    static String encrypt(String aesKey, String appId, String random16, String plainText) {
        byte[] random = random16.getBytes(StandardCharsets.UTF_8);
        byte[] text = plainText.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int length = random.length + 4 + text.length + app.length;
        int pad = BLOCK - (length % BLOCK);
        ByteBuffer buffer = ByteBuffer.allocate(length + pad);
        buffer.put(random).putInt(text.length).put(text).put(app);
        for (int i = 0; i < pad; i++) {
            buffer.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, aesKey, buffer.array()));
    }

    /** Decrypts {@code Encrypt}; throws {@link BadMessageException} when the content is not valid. */
    static Decrypted decrypt(String aesKey, String cipherText) {
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, aesKey, Base64.getDecoder().decode(cipherText.trim()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadMessageException("cannot decrypt message", e);
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad || !padded(plain, pad)) {
            throw new BadMessageException("bad padding in encrypted message");
        }
        ByteBuffer buffer = ByteBuffer.wrap(plain, 0, plain.length - pad);
        buffer.position(16);
        int textLength = buffer.getInt();
        if (textLength < 0 || textLength > buffer.remaining()) {
            throw new BadMessageException("bad length in encrypted message");
        }
        String text = new String(plain, 20, textLength, StandardCharsets.UTF_8);
        String appId = new String(plain, 20 + textLength, plain.length - pad - 20 - textLength, StandardCharsets.UTF_8);
        return new Decrypted(text, appId);
    }

    /**
     * Decrypts a message for {@code account}: with its EncodingAESKey, or, when that does not yield
     * a message for this account and a previous key is configured, with the previous key (WeChat
     * may still send messages sealed with the old key while a key change takes effect). Replies are
     * always sealed with the current key.
     */
    static Decrypted decrypt(Account account, String cipherText) {
        BadMessageException failure = null;
        try {
            Decrypted current = decrypt(account.aesKey(), cipherText);
            if (account.appId().equals(current.appId()) || !account.hasPreviousAesKey()) {
                return current;
            }
        } catch (BadMessageException e) {
            if (!account.hasPreviousAesKey()) {
                throw e;
            }
            failure = e;
        }
        try {
            Decrypted previous = decrypt(account.previousAesKey(), cipherText);
            if (account.appId().equals(previous.appId())) {
                return previous.withPreviousKey();
            }
        } catch (BadMessageException e) {
            // neither key opens it
        }
        if (failure != null) {
            throw failure;
        }
        return decrypt(account.aesKey(), cipherText);
    }

    /** PKCS#7: every one of the last {@code pad} bytes holds {@code pad}. */
    private static boolean padded(byte[] plain, int pad) {
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                return false;
            }
        }
        return true;
    }

    private static byte[] cipher(int mode, String aesKey, byte[] input) {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        if (key.length != 32) {
            throw new IllegalStateException("EncodingAESKey must decode to 32 bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new BadMessageException("AES failure", e);
        }
    }

    /** A decrypted message; {@code previousKey} when only the account's previous EncodingAESKey opened it. */
    record Decrypted(String xml, String appId, boolean previousKey) {

        Decrypted(String xml, String appId) {
            this(xml, appId, false);
        }

        Decrypted withPreviousKey() {
            return new Decrypted(xml, appId, true);
        }
    }
}
