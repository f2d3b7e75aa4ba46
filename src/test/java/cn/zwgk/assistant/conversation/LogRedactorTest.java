package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** What reaches the conversation_log table for a handled message. */
class LogRedactorTest {

    private static final String ID = "110101199003071234";
    private static final String PHONE = "13800138000";
    private final LogRedactor redactor = new LogRedactor(key(1));

    @Test
    void idAndMobileNumbersAreMaskedInBothTexts() {
        LogRow row = redactor.redact(pending("我的身份证" + ID + "，电话" + PHONE, "已记录 " + ID + " / " + PHONE));
        assertThat(row.inboundText()).isEqualTo("我的身份证110***********1234，电话138****8000");
        assertThat(row.replyText()).isEqualTo("已记录 110***********1234 / 138****8000");
    }

    @Test
    void eMailPostalAddressesAndLabelledNamesAreMaskedToo() {
        LogRow row = redactor.redact(pending("我叫赵六，邮箱zhaoliu@example.com，寄到北京市东城区正义路2号院3号楼",
                "已记录：电子邮箱 z***@example.com"));
        assertThat(row.inboundText()).doesNotContain("赵六", "zhaoliu", "正义路")
                .contains("我叫赵*", "z***@example.com", "寄到北京市东****");
        assertThat(row.replyText()).isEqualTo("已记录：电子邮箱 z***@example.com");
    }

    @Test
    void theOpenidIsKeptOnlyAsAMaskAndAKeyedHash() {
        String openid = "oJ9aB1xyzQwErTy2UiOpAsDf3GhK";
        LogRow row = redactor.redact(new PendingLog(Instant.parse("2025-03-01T08:59:59.900Z"), "wxapp", openid,
                InboundMessage.Kind.TEXT, null, Intent.HELP, "帮助", "r", 3));
        assertThat(row.userMasked()).isEqualTo("oJ9a…3GhK");
        assertThat(row.userHash()).hasSize(64).doesNotContain(openid).isEqualTo(redactor.userHash(openid));
        assertThat(row.userHash()).isNotEqualTo(redactor.userHash(openid + "x"))
                .isNotEqualTo(new LogRedactor(key(2)).userHash(openid));
        assertThat(row.hourBucket()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
        assertThat(LogRedactor.maskOpenid("short")).isEqualTo("*****");
    }

    @Test
    void longTextIsScrubbedBeforeItIsCutSoNoPartialNumberSurvives() {
        String text = "x".repeat(LogRedactor.MAX_TEXT - 11) + " " + ID + "尾";
        LogRow row = redactor.redact(pending(text, null));
        assertThat(row.inboundText()).hasSize(LogRedactor.MAX_TEXT).endsWith("…").contains("110******").doesNotContain("1101011");
        assertThat(row.replyText()).isNull();
    }

    @Test
    void cuttingNeverSplitsASurrogatePairAndNulCharactersAreRemoved() {
        String text = "a".repeat(LogRedactor.MAX_TEXT - 2) + "😀😀😀";
        String cut = redactor.redact(pending(text, "a\u0000b")).inboundText();
        assertThat(cut.length()).isLessThanOrEqualTo(LogRedactor.MAX_TEXT);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(redactor.redact(pending("x", "a\u0000b")).replyText()).isEqualTo("ab");
    }

    private static PendingLog pending(String inbound, String reply) {
        return new PendingLog(Instant.now(), "wxapp", "oUser1234567890abcd", InboundMessage.Kind.TEXT, null,
                Intent.POLICY_QUESTION, inbound, reply, 5);
    }

    private static byte[] key(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }
}
