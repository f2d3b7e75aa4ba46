package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Signatures and AES on the official vectors (WeChat's documentation and WxJava's own test), and
 * interoperability with WxJava's {@link WxCryptUtil} in both directions.
 */
class MessageCryptoTest {

    // Official examples, token AAAAA (wechat-protocol-and-rules.md, A1).
    private static final String TOKEN = "AAAAA";

    // WxJava's WxCryptUtilTest vector.
    private static final String V_TOKEN = "pamtest";
    private static final String V_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String V_APP_ID = "wxb11529c136998cb6";
    private static final String V_RANDOM = "aaaabbbbccccdddd";
    private static final String V_PLAIN = "我是中文abcd123";
    private static final String V_CIPHER =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    @Test
    void urlVerificationSignatureMatchesTheOfficialExample() {
        assertThat(MessageCrypto.signature(TOKEN, "1714036504", "1514711492"))
                .isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
    }

    @Test
    void plainPostSignatureMatchesTheOfficialExample() {
        assertThat(MessageCrypto.signature(TOKEN, "1714037059", "486452656"))
                .isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
    }

    @Test
    void signatureDoesNotDependOnTheOrderOfItsParts() {
        assertThat(MessageCrypto.signature("1714036504", "1514711492", TOKEN))
                .isEqualTo(MessageCrypto.signature(TOKEN, "1714036504", "1514711492"));
    }

    @Test
    void missingSignaturePartIsRefused() {
        assertThatThrownBy(() -> MessageCrypto.signature(TOKEN, null, "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesComparesCaseInsensitivelyAndRefusesAbsentOrDifferentSignatures() {
        String expected = "f464b24fc39322e44b38aa78f5edd27bd1441696";
        assertThat(MessageCrypto.matches(expected, expected)).isTrue();
        assertThat(MessageCrypto.matches(expected, expected.toUpperCase())).isTrue();
        assertThat(MessageCrypto.matches(expected, null)).isFalse();
        assertThat(MessageCrypto.matches(expected, "")).isFalse();
        assertThat(MessageCrypto.matches(expected, "f464b24fc39322e44b38aa78f5edd27bd1441697")).isFalse();
    }

    @Test
    void encryptionWithTheVectorsRandomPrefixGivesTheVectorsCiphertext() {
        assertThat(MessageCrypto.encrypt(V_KEY, V_APP_ID, V_RANDOM, V_PLAIN)).isEqualTo(V_CIPHER);
    }

    @Test
    void vectorCiphertextDecryptsToThePlaintextAndTheAppId() {
        MessageCrypto.Decrypted decrypted = MessageCrypto.decrypt(V_KEY, V_CIPHER);
        assertThat(decrypted.xml()).isEqualTo(V_PLAIN);
        assertThat(decrypted.appId()).isEqualTo(V_APP_ID);
    }

    @Test
    void msgSignatureOfTheVector() {
        assertThat(MessageCrypto.signature(V_TOKEN, "1409304348", "xxxxxx", V_CIPHER))
                .isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
    }

    @Test
    void wxJavaDecryptsWhatWeEncrypt() {
        String xml = "<xml><Content><![CDATA[你好 😀 " + "长".repeat(300) + "]]></Content></xml>";
        String ours = MessageCrypto.encrypt(V_KEY, V_APP_ID, MessageCrypto.randomString(16), xml);
        assertThat(new WxCryptUtil(V_TOKEN, V_KEY, V_APP_ID).decrypt(ours)).isEqualTo(xml);
    }

    @Test
    void weDecryptWhatWxJavaEncrypts() {
        String xml = "<xml><Content><![CDATA[查询进度 YSQ-2026-000123 🏛]]></Content></xml>";
        String theirs = new WxCryptUtil(V_TOKEN, V_KEY, V_APP_ID).encrypt(MessageCrypto.randomString(16), xml);
        MessageCrypto.Decrypted decrypted = MessageCrypto.decrypt(V_KEY, theirs);
        assertThat(decrypted.xml()).isEqualTo(xml);
        assertThat(decrypted.appId()).isEqualTo(V_APP_ID);
    }

    @Test
    void everyPlaintextLengthAroundTheBlockSizeRoundTrips() {
        WxCryptUtil wx = new WxCryptUtil(V_TOKEN, V_KEY, V_APP_ID);
        for (int n = 0; n <= 70; n++) {
            String text = "x".repeat(n);
            assertThat(MessageCrypto.decrypt(V_KEY, wx.encrypt(V_RANDOM, text)).xml()).isEqualTo(text);
            assertThat(wx.decrypt(MessageCrypto.encrypt(V_KEY, V_APP_ID, V_RANDOM, text))).isEqualTo(text);
        }
    }

    @Test
    void randomStringHasTheRequestedLengthAndVaries() {
        assertThat(MessageCrypto.randomString(16)).hasSize(16).matches("[A-Za-z0-9]{16}");
        assertThat(MessageCrypto.randomString(16)).isNotEqualTo(MessageCrypto.randomString(16));
    }

    @Test
    void tamperedCiphertextIsABadMessage() {
        // Flipping a bit of the first cipher block flips the same bit of the second plaintext
        // block, whose first bytes are the big-endian message length: it becomes impossible.
        byte[] bytes = Base64.getDecoder().decode(V_CIPHER);
        bytes[0] ^= 0x40;
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, tampered)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void truncatedOrNonBase64CiphertextIsABadMessage() {
        String truncated = Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(Base64.getDecoder().decode(V_CIPHER), 40));
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, truncated)).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, "not base64 at all!"))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, "")).isInstanceOf(BadMessageException.class);
    }

    @Test
    void paddingByteOutOfRangeIsABadMessage() {
        byte[] plain = layout(V_PLAIN, V_APP_ID, 64);
        plain[plain.length - 1] = 0;
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, rawEncrypt(plain)))
                .isInstanceOf(BadMessageException.class);
        plain[plain.length - 1] = 33;
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, rawEncrypt(plain)))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void paddingBytesThatDisagreeAreABadMessage() {
        byte[] plain = layout(V_PLAIN, V_APP_ID, 64);
        int pad = plain[plain.length - 1];
        assertThat(pad).isGreaterThan(1);
        plain[plain.length - 2] = (byte) (pad - 1);
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, rawEncrypt(plain)))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void wxJavaWouldOpenWhatIsRefusedHereForItsPadding() {
        // Why the webhook keeps its own decryption: WxJava reads a pad byte out of range as no padding.
        byte[] plain = layout(V_PLAIN, V_APP_ID, 64);
        plain[plain.length - 1] = 33;
        String cipherText = rawEncrypt(plain);
        assertThat(new WxCryptUtil(V_TOKEN, V_KEY, V_APP_ID).decrypt(cipherText)).isEqualTo(V_PLAIN);
        assertThatThrownBy(() -> MessageCrypto.decrypt(V_KEY, cipherText)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void correctlyLaidOutPlaintextDecrypts() {
        // The control for the two padding tests above: the same layout, unmodified, is accepted.
        assertThat(MessageCrypto.decrypt(V_KEY, rawEncrypt(layout(V_PLAIN, V_APP_ID, 64))).xml()).isEqualTo(V_PLAIN);
    }

    /** random(16) + length + text + appId + PKCS#7 padding to {@code total} bytes. */
    private static byte[] layout(String text, String appId, int total) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] a = appId.getBytes(StandardCharsets.UTF_8);
        int used = 16 + 4 + t.length + a.length;
        int pad = total - used;
        assertThat(pad).isBetween(1, 32);
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.put(V_RANDOM.getBytes(StandardCharsets.US_ASCII)).putInt(t.length).put(t).put(a);
        for (int i = 0; i < pad; i++) {
            buffer.put((byte) pad);
        }
        return buffer.array();
    }

    private static String rawEncrypt(byte[] plain) {
        try {
            byte[] key = Base64.getDecoder().decode(V_KEY + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void duringAnEncodingAesKeyChangeMessagesSealedWithThePreviousKeyAreStillOpened() {
        String newKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
        Account rotating = new Account(V_APP_ID, "gh_v", "v", V_TOKEN, newKey, "s", true, V_KEY);
        Account withoutPrevious = new Account(V_APP_ID, "gh_v", "v", V_TOKEN, newKey, "s", true);

        // sealed with the old key (MessageCrypto interoperates with WxJava, tested above) …
        String old = MessageCrypto.encrypt(V_KEY, V_APP_ID, V_RANDOM, "<xml><Content>旧密钥</Content></xml>");
        MessageCrypto.Decrypted opened = MessageCrypto.decrypt(rotating, old);
        assertThat(opened.xml()).contains("旧密钥");
        assertThat(opened.previousKey()).isTrue();
        assertThatThrownBy(() -> {
            MessageCrypto.Decrypted d = MessageCrypto.decrypt(withoutPrevious, old);
            if (!V_APP_ID.equals(d.appId())) {
                throw new BadMessageException("not for this account");
            }
        }).isInstanceOf(BadMessageException.class);

        // … and with the new one
        String fresh = MessageCrypto.encrypt(newKey, V_APP_ID, V_RANDOM, "<xml><Content>新密钥</Content></xml>");
        MessageCrypto.Decrypted current = MessageCrypto.decrypt(rotating, fresh);
        assertThat(current.xml()).contains("新密钥");
        assertThat(current.previousKey()).isFalse();

        // a message sealed with some third key is still refused
        String foreign = MessageCrypto.encrypt("0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", V_APP_ID, V_RANDOM, "<xml/>");
        assertThatThrownBy(() -> {
            MessageCrypto.Decrypted d = MessageCrypto.decrypt(rotating, foreign);
            if (!V_APP_ID.equals(d.appId())) {
                throw new BadMessageException("not for this account");
            }
        }).isInstanceOf(BadMessageException.class);
    }
}
