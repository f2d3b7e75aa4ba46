package cn.zwgk.assistant.conversation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.PersonalDataCipher;

/**
 * Turns a handled message into a log row with no raw personal data: the openid becomes a display
 * mask and an HMAC-SHA256 under a key derived from the data key (stable across instances and
 * restarts, useless without the key), texts are {@link Masking#scrub scrubbed} of every kind of
 * personal data it recognises (ID, phone and landline numbers, e-mail and postal addresses, labelled
 * names) and then truncated (scrubbing first, so that a cut never leaves a partial number unmasked).
 * A dialog that collects personal data hands over its messages already masked ({@code DialogTurn#loggedText}).
 */
@Component
class LogRedactor {

    static final int MAX_TEXT = 2000;
    private static final int MAX_EVENT = 64;
    private static final int MAX_APP_ID = 64;

    private final byte[] key;

    @Autowired
    LogRedactor(PersonalDataCipher cipher) {
        this(cipher.derivedKey("conversation-log"));
    }

    LogRedactor(byte[] key) {
        this.key = key.clone();
    }

    LogRow redact(PendingLog p) {
        return new LogRow(p.at(), p.at().truncatedTo(ChronoUnit.HOURS), cut(p.appId() == null ? "" : p.appId(), MAX_APP_ID),
                userHash(p.openid()), maskOpenid(p.openid()), p.kind(), text(p.event(), MAX_EVENT), p.intent(),
                text(p.inboundText(), MAX_TEXT), text(p.replyText(), MAX_TEXT), p.handlingMs());
    }

    /** The pseudonym of an openid: hex HMAC-SHA256. */
    String userHash(String openid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((openid == null ? "" : openid).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code oAbc…wxyz}: the first and last 4 characters; short openids are masked entirely. */
    static String maskOpenid(String openid) {
        if (openid == null || openid.isEmpty()) {
            return "?";
        }
        if (openid.length() <= 10) {
            return "*".repeat(Math.min(openid.length(), 8));
        }
        return openid.substring(0, 4) + "…" + openid.substring(openid.length() - 4);
    }

    /** Scrubbed, without NUL characters (PostgreSQL refuses them), at most {@code max} characters. */
    static String text(String text, int max) {
        if (text == null) {
            return null;
        }
        return cut(Masking.scrub(text.replace("\u0000", "")), max);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
