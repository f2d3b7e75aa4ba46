package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.conversation.InboundMessage;

/** What each message mode takes, and the addressee check, without a server. */
class InboundEnvelopeTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String TS = "1714036504";
    private static final String NONCE = "1514711492";

    @Test
    void safeModeRefusesPlaintextAndTakesTheEncryptedMessage() {
        Account safe = account(null);
        assertThat(safe.mode()).isEqualTo(Account.Mode.SAFE);
        assertThatThrownBy(() -> InboundEnvelope.open(safe, xml("gh_a"), false, TS, NONCE, null, CLOCK))
                .isInstanceOf(RefusedMessageException.class).hasMessageContaining("safe mode");
        assertThat(open(safe, xml("gh_a")).openid()).isEqualTo("oUser");
    }

    @Test
    void compatibleModeTakesBothAndPlainModeRefusesEncryption() {
        Account compatible = account(Account.Mode.COMPATIBLE);
        assertThat(InboundEnvelope.open(compatible, xml("gh_a"), false, TS, NONCE, null, CLOCK).openid()).isEqualTo("oUser");
        assertThat(open(compatible, xml("gh_a")).openid()).isEqualTo("oUser");
        Account plain = account(Account.Mode.PLAIN);
        assertThatThrownBy(() -> open(plain, xml("gh_a"))).isInstanceOf(BadMessageException.class);
    }

    @Test
    void aMessageForAnotherOriginalIdIsRefusedInEitherForm() {
        Account compatible = account(Account.Mode.COMPATIBLE);
        assertThatThrownBy(() -> InboundEnvelope.open(compatible, xml("gh_b"), false, TS, NONCE, null, CLOCK))
                .isInstanceOf(RefusedMessageException.class).hasMessageContaining("ToUserName");
        assertThatThrownBy(() -> open(compatible, xml("gh_b"))).isInstanceOf(RefusedMessageException.class);
        assertThatThrownBy(() -> InboundEnvelope.open(compatible, xml("gh_a").replace("<ToUserName>gh_a</ToUserName>", ""),
                false, TS, NONCE, null, CLOCK)).isInstanceOf(RefusedMessageException.class);
    }

    private static InboundMessage open(Account account, String xml) {
        String encrypted = MessageCrypto.encrypt(KEY, account.appId(), "aaaabbbbccccdddd", xml);
        String envelope = "<xml><ToUserName>gh_a</ToUserName><Encrypt>" + encrypted + "</Encrypt></xml>";
        return InboundEnvelope.open(account, envelope, true, TS, NONCE,
                MessageCrypto.signature(account.token(), TS, NONCE, encrypted), CLOCK);
    }

    private static Account account(Account.Mode mode) {
        return new Account("wxa", "gh_a", "A", "tok", KEY, "s", false, null, mode);
    }

    private static String xml(String to) {
        return "<xml><ToUserName>" + to + "</ToUserName><FromUserName>oUser</FromUserName><CreateTime>" + TS
                + "</CreateTime><MsgType>text</MsgType><Content>进度查询</Content><MsgId>1</MsgId></xml>";
    }
}
