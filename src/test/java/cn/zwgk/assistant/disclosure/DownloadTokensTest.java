package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.platform.PersonalDataCipher;

class DownloadTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final byte[] KEY = new PersonalDataCipher(new byte[32]).derivedKey("disclosure-download-link");

    private final DownloadTokens tokens = at(NOW);

    private static DownloadTokens at(Instant now) {
        return new DownloadTokens(KEY, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenGrantsItsAttachmentOfItsCaseUntilItExpires() {
        Instant expires = tokens.expiry();
        assertThat(expires).isEqualTo(NOW.plus(Duration.ofDays(30)));
        String token = tokens.issue(17, "YSQ-2026-000042", expires);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");

        DownloadTokens.Grant grant = at(expires.minusSeconds(1)).verify(token);
        assertThat(grant).isEqualTo(new DownloadTokens.Grant(17, "YSQ-2026-000042", expires));
        assertThat(tokens.verify(tokens.issue(DownloadTokens.PAGE, "YSQ-2026-000042", expires)).attachmentId())
                .isEqualTo(DownloadTokens.PAGE);
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String token = tokens.issue(17, "YSQ-2026-000042", tokens.expiry());
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofDays(30))).verify(token))
                .isInstanceOfSatisfying(DownloadTokens.Refused.class, e -> assertThat(e.expired).isTrue());
    }

    @Test
    void alteredForgedAndMalformedTokensAreRefusedAsForbidden() {
        Instant expires = tokens.expiry();
        String token = tokens.issue(17, "YSQ-2026-000042", expires);
        String signature = token.substring(token.indexOf('.') + 1);
        // another attachment, another case, a later expiry: each with the original signature
        String otherFile = payload("v1.18.YSQ-2026-000042." + expires.getEpochSecond()) + "." + signature;
        String otherCase = payload("v1.17.YSQ-2026-000043." + expires.getEpochSecond()) + "." + signature;
        String later = payload("v1.17.YSQ-2026-000042." + (expires.getEpochSecond() + 86_400 * 365)) + "." + signature;
        // a genuine token signed with another key
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        String foreign = new DownloadTokens(otherKey, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(17, "YSQ-2026-000042", expires);
        char last = signature.charAt(20);
        String flipped = token.substring(0, token.indexOf('.') + 21) + (last == 'A' ? 'B' : 'A')
                + token.substring(token.indexOf('.') + 22);

        for (String bad : new String[] {otherFile, otherCase, later, foreign, flipped, token.substring(0, token.length() - 1),
                token + "A", "", "..", "../../etc/passwd", "not-a-token", token.replace('.', '_')}) {
            assertThatThrownBy(() -> tokens.verify(bad)).as(bad)
                    .isInstanceOfSatisfying(DownloadTokens.Refused.class, e -> assertThat(e.expired).isFalse());
        }
        assertThatThrownBy(() -> tokens.verify(null)).isInstanceOf(DownloadTokens.Refused.class);
    }

    @Test
    void aTamperedExpiredTokenIsForbiddenNotExpired() {
        String token = tokens.issue(17, "YSQ-2026-000042", NOW.minusSeconds(60));
        String tampered = payload("v1.18.YSQ-2026-000042." + NOW.minusSeconds(60).getEpochSecond())
                + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(DownloadTokens.Refused.class, e -> assertThat(e.expired).isTrue());
        assertThatThrownBy(() -> tokens.verify(tampered))
                .isInstanceOfSatisfying(DownloadTokens.Refused.class, e -> assertThat(e.expired).isFalse());
    }

    @Test
    void theKeyIsDerivedPerPurposeAndDiffersFromTheDataKey() {
        PersonalDataCipher cipher = new PersonalDataCipher(new byte[32]);
        assertThat(cipher.derivedKey("disclosure-download-link")).hasSize(32).isEqualTo(KEY)
                .isNotEqualTo(cipher.derivedKey("something-else")).isNotEqualTo(new byte[32]);
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(new PersonalDataCipher(other).derivedKey("disclosure-download-link")).isNotEqualTo(KEY);
    }

    private static String payload(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
