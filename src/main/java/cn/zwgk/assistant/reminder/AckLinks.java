package cn.zwgk.assistant.reminder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PersonalDataCipher;

/**
 * Acknowledgement links in staff notices: {@code <publicBaseUrl>/ack/<token>}. The token is
 * {@code base64url(reminderId:expiry:openid) "." base64url(HMAC-SHA256)}, signed with a key derived
 * from the data-encryption key, so it is the credential: it acknowledges that reminder for that
 * recipient, until it expires, and nothing else.
 */
@Component
class AckLinks {

    static final String PATH = "/ack/";
    static final String KEY_PURPOSE = "reminder-ack-link";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Duration validity;
    private final Clock clock;

    @Autowired
    AckLinks(PersonalDataCipher cipher, ReminderProperties properties, Clock clock) {
        this(cipher.derivedKey(KEY_PURPOSE), properties.publicBaseUrl(), properties.ackLinkValidity(), clock);
    }

    AckLinks(byte[] key, String baseUrl, Duration validity, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.validity = validity;
        this.clock = clock;
    }

    /** The link with which {@code openid} acknowledges reminder {@code reminderId}. */
    String url(long reminderId, String openid) {
        return baseUrl + PATH + token(reminderId, openid);
    }

    String token(long reminderId, String openid) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        byte[] payload = (reminderId + ":" + expires + ":" + openid).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** What a token says, once its signature and expiry are checked. */
    Check verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 512) {
            return Check.INVALID;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Check.INVALID;
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", 3);
        if (parts.length != 3) {
            return Check.INVALID;
        }
        long reminderId = Long.parseLong(parts[0]);
        if (clock.instant().getEpochSecond() >= Long.parseLong(parts[1])) {
            return new Check(Outcome.EXPIRED, reminderId, parts[2]);
        }
        return new Check(Outcome.VALID, reminderId, parts[2]);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    enum Outcome { VALID, EXPIRED, INVALID }

    /** The outcome; reminder and openid are set unless the token is invalid. */
    record Check(Outcome outcome, long reminderId, String openid) {

        static final Check INVALID = new Check(Outcome.INVALID, 0, null);

        boolean valid() {
            return outcome == Outcome.VALID;
        }
    }
}
