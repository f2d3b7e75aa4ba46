package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.platform.PersonalDataCipher;

class AckLinksTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T01:00:00Z");
    private static final byte[] KEY = new PersonalDataCipher(new byte[32]).derivedKey("reminder-ack-link");

    private static AckLinks at(Instant now) {
        return new AckLinks(KEY, "https://zwgk.example.gov.cn/", Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aFreshLinkNamesItsReminderAndRecipient() {
        String url = at(ISSUED).url(42, "oStaff-A_1");
        assertThat(url).startsWith("https://zwgk.example.gov.cn/ack/").doesNotContain("//ack");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(token).matches("[A-Za-z0-9_.-]+");

        AckLinks.Check check = at(ISSUED.plus(Duration.ofDays(6))).verify(token);
        assertThat(check.outcome()).isEqualTo(AckLinks.Outcome.VALID);
        assertThat(check.reminderId()).isEqualTo(42);
        assertThat(check.openid()).isEqualTo("oStaff-A_1");
    }

    @Test
    void anExpiredLinkIsToldApartFromAForgedOne() {
        String token = at(ISSUED).token(42, "oStaffA");
        assertThat(at(ISSUED.plus(Duration.ofDays(7))).verify(token).outcome()).isEqualTo(AckLinks.Outcome.EXPIRED);
        assertThat(at(ISSUED.plus(Duration.ofDays(7)).minusSeconds(1)).verify(token).valid()).isTrue();
    }

    @Test
    void tamperedTokensAreInvalid() {
        AckLinks links = at(ISSUED);
        String token = links.token(42, "oStaffA");
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        char last = signature.charAt(signature.length() - 2);
        String flipped = signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A')
                + signature.charAt(signature.length() - 1);

        assertThat(links.verify(payload + "." + flipped).outcome()).isEqualTo(AckLinks.Outcome.INVALID);
        assertThat(links.verify(payload).outcome()).isEqualTo(AckLinks.Outcome.INVALID);
        assertThat(links.verify(payload + ".").outcome()).isEqualTo(AckLinks.Outcome.INVALID);
        assertThat(links.verify("not base64!." + signature).outcome()).isEqualTo(AckLinks.Outcome.INVALID);
        assertThat(links.verify(null).outcome()).isEqualTo(AckLinks.Outcome.INVALID);
        // a longer validity written into the payload does not survive the signature check
        String decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String later = decoded.replaceFirst(":\\d+:", ":" + ISSUED.plus(Duration.ofDays(365)).getEpochSecond() + ":");
        assertThat(links.verify(encode(later) + "." + signature).outcome()).isEqualTo(AckLinks.Outcome.INVALID);
    }

    @Test
    void aTokenCannotBeMovedToAnotherReminderOrRecipient() {
        AckLinks links = at(ISSUED);
        String token = links.token(42, "oStaffA");
        String signature = token.substring(token.indexOf('.') + 1);
        String decoded = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);

        assertThat(links.verify(encode(decoded.replaceFirst("^42:", "43:")) + "." + signature).outcome())
                .isEqualTo(AckLinks.Outcome.INVALID);
        assertThat(links.verify(encode(decoded.replace("oStaffA", "oStaffB")) + "." + signature).outcome())
                .isEqualTo(AckLinks.Outcome.INVALID);
        // nor be made with another key
        AckLinks otherKey = new AckLinks(new PersonalDataCipher(new byte[32]).derivedKey("something-else"),
                "https://zwgk.example.gov.cn", Duration.ofDays(7), Clock.fixed(ISSUED, ZoneOffset.UTC));
        assertThat(links.verify(otherKey.token(42, "oStaffA")).outcome()).isEqualTo(AckLinks.Outcome.INVALID);
        assertThat(links.token(42, "oStaffA")).isNotEqualTo(links.token(43, "oStaffA"));
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
