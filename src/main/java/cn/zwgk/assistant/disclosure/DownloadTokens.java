package cn.zwgk.assistant.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PersonalDataCipher;

/**
 * The tokens in applicants' download links: {@code base64url(payload).base64url(HMAC-SHA256(payload))}
 * with payload {@code v1.<attachment id>.<tracking number>.<expiry epoch seconds>}. Attachment id
 * {@link #PAGE} stands for the page listing every file of the case's reply. The key is derived from
 * {@code DATA_ENCRYPTION_KEY} (never stored or configured separately), so every instance checks
 * the links of every other, and a new data key invalidates the links sent so far.
 */
@Component
class DownloadTokens {

    static final long PAGE = 0;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,200}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a valid token grants: one attachment (or the page) of one case, until {@code expiresAt}. */
    record Grant(long attachmentId, String trackingNo, Instant expiresAt) {
    }

    /** A token that is forged, altered or malformed ({@code expired == false}), or genuine but expired. */
    static final class Refused extends RuntimeException {

        final boolean expired;

        Refused(boolean expired, String message) {
            super(message);
            this.expired = expired;
        }
    }

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    @Autowired
    DownloadTokens(PersonalDataCipher cipher, DisclosureProperties properties, Clock clock) {
        this(cipher.derivedKey("disclosure-download-link"), properties.attachments().linkValidity(), clock);
    }

    DownloadTokens(byte[] key, Duration validity, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.validity = validity;
        this.clock = clock;
    }

    /** When links issued now stop working. */
    Instant expiry() {
        return clock.instant().plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    String issue(long attachmentId, String trackingNo, Instant expiresAt) {
        byte[] payload = ("v1." + attachmentId + "." + trackingNo + "." + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The grant of a genuine, unexpired token; else {@link Refused}. */
    Grant verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            throw new Refused(false, "malformed download token");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Refused(false, "malformed download token");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new Refused(false, "download token with a wrong signature");
        }
        String[] parts = new String(payload, StandardCharsets.US_ASCII).split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new Refused(false, "download token of an unknown version");
        }
        Grant grant = new Grant(Long.parseLong(parts[1]), parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3])));
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new Refused(true, "download token expired at " + grant.expiresAt());
        }
        return grant;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
