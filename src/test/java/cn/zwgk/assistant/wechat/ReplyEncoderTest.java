package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.conversation.InboundMessage;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

class ReplyEncoderTest {

    private static final Account ACCOUNT = new Account("wxapp", "gh_app", "测试", "token", null, "secret", true);
    private static final InboundMessage TO = new InboundMessage("wxapp", "oUser", InboundMessage.Kind.TEXT, "x",
            null, null, "1", Instant.now());

    private static final Account SAFE = new Account("wxb11529c136998cb6", "gh_app", "测试", "pamtest",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "secret", true);

    private final ReplyEncoder encoder = new ReplyEncoder(
            Clock.fixed(Instant.ofEpochSecond(1714036504), ZoneOffset.UTC));

    @Test
    void encryptedReplyIsSignedAndOpenedByWxJava() {
        String sealed = encoder.encode(SAFE, TO, "您好😀", true);
        Map<String, String> envelope = SafeXml.parse(sealed);
        assertThat(envelope).containsKeys("Encrypt", "MsgSignature", "Nonce").containsEntry("TimeStamp", "1714036504");
        assertThat(envelope.get("MsgSignature")).isEqualTo(MessageCrypto.signature(SAFE.token(),
                "1714036504", envelope.get("Nonce"), envelope.get("Encrypt")));
        String inner = new WxCryptUtil(SAFE.token(), SAFE.aesKey(), SAFE.appId()).decryptXml(
                envelope.get("MsgSignature"), "1714036504", envelope.get("Nonce"), sealed);
        assertThat(SafeXml.parse(inner)).containsEntry("ToUserName", "oUser").containsEntry("FromUserName", "gh_app")
                .containsEntry("Content", "您好😀");
    }

    @Test
    void plainReplySwapsSenderAndRecipient() {
        Map<String, String> reply = SafeXml.parse(encoder.encode(ACCOUNT, TO, "您好😀\n第二行", false));
        assertThat(reply).containsEntry("ToUserName", "oUser").containsEntry("FromUserName", "gh_app")
                .containsEntry("MsgType", "text").containsEntry("Content", "您好😀\n第二行")
                .doesNotContainKey("MsgId");
    }

    @Test
    void textThatWouldEndTheCdataSectionCannotRewriteTheReply() {
        String hostile = "]]></Content><MsgType><![CDATA[news]]></MsgType><Content><![CDATA[x";
        Map<String, String> reply = SafeXml.parse(encoder.encode(ACCOUNT, TO, "您查询的是：" + hostile, false));
        assertThat(reply).containsEntry("MsgType", "text").containsEntry("Content", "您查询的是：" + hostile);
    }

    @Test
    void charactersXmlForbidsAreDropped() {
        String xml = encoder.encode(ACCOUNT, TO, "a\u0001b\u0008c\tc", false);
        assertThat(xml).doesNotContain("\u0001").doesNotContain("\u0008");
        assertThat(SafeXml.parse(xml)).containsEntry("Content", "abc\tc");
    }
}
