package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import cn.zwgk.assistant.wechat.Account;
import me.chanjar.weixin.common.util.XmlUtils;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

class WechatSigningTest {

    private static final Account ACCOUNT = new Account("wxb11529c136998cb6", "gh_test", "测试号", "pamtest",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "secret", true);

    @Test
    void signatureMatchesWechatsOfficialPlainPostExample() {
        assertThat(WechatSigning.signature("AAAAA", "1714037059", "486452656"))
                .isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
        assertThat(WechatSigning.signature("486452656", "AAAAA", "1714037059"))
                .as("the order of the parts does not matter").isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
    }

    @Test
    void signatureMatchesWechatsOfficialUrlCheckExample() {
        assertThat(WechatSigning.signature("AAAAA", "1714036504", "1514711492"))
                .isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
    }

    @Test
    void plainPushCarriesTheSignatureOfTokenTimestampAndNonce() {
        WechatSigning.Push push = WechatSigning.plain(ACCOUNT, "oUser", "<xml/>", "1714037059", "486452656");
        Map<String, String> query = query(push.query());
        assertThat(query).containsEntry("signature", WechatSigning.signature("pamtest", "1714037059", "486452656"))
                .containsEntry("timestamp", "1714037059").containsEntry("nonce", "486452656")
                .containsEntry("openid", "oUser").doesNotContainKey("encrypt_type");
        assertThat(push.body()).isEqualTo("<xml/>");
    }

    @Test
    void safeModePushIsEncryptedWithTheKnownVectorAndVerifiableByWxJava() {
        WechatSigning.Push push = WechatSigning.encrypted(ACCOUNT, "oUser", "我是中文abcd123", "1409304348",
                "xxxxxx", "aaaabbbbccccdddd");
        Map<String, Object> envelope = XmlUtils.xml2Map(push.body());
        assertThat(envelope.get("Encrypt")).isEqualTo(
                "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
        Map<String, String> query = query(push.query());
        assertThat(query).containsEntry("encrypt_type", "aes")
                .containsEntry("msg_signature", "82c962d39941aa48552f90ef55aa323dc620cc10");
        WxCryptUtil wx = new WxCryptUtil("pamtest", ACCOUNT.aesKey(), ACCOUNT.appId());
        assertThat(wx.decrypt(query.get("msg_signature"), "1409304348", "xxxxxx", push.body()))
                .isEqualTo("我是中文abcd123");
    }

    @Test
    void readsAnEncryptedPassiveReplyAsWxJavaBuildsIt() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(ACCOUNT.appId());
        config.setToken(ACCOUNT.token());
        config.setAesKey(ACCOUNT.aesKey());
        String encrypted = WxMpXmlOutMessage.TEXT().content("您好 <b>&</b>").fromUser("gh_test").toUser("oUser")
                .build().toEncryptedXml(config);

        ReplyReader.Reading reading = ReplyReader.read(ACCOUNT, "oUser", encrypted);

        assertThat(reading.error()).isNull();
        assertThat(reading.reply()).isEqualTo("您好 <b>&</b>");
        assertThat(reading.replyXml()).contains("oUser");
    }

    @Test
    void aTamperedEncryptedReplyIsReportedNotRead() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(ACCOUNT.appId());
        config.setToken(ACCOUNT.token());
        config.setAesKey(ACCOUNT.aesKey());
        String encrypted = WxMpXmlOutMessage.TEXT().content("您好").fromUser("gh_test").toUser("oUser")
                .build().toEncryptedXml(config);
        String tampered = encrypted.replaceAll("<MsgSignature><!\\[CDATA\\[[0-9a-f]+", "<MsgSignature><![CDATA[00");

        ReplyReader.Reading reading = ReplyReader.read(ACCOUNT, "oUser", tampered);

        assertThat(reading.reply()).isNull();
        assertThat(reading.error()).startsWith("unreadable reply");
    }

    @Test
    void successAndEmptyBodiesAreNoReplyAndAReplyToSomeoneElseIsAnError() {
        assertThat(ReplyReader.read(ACCOUNT, "oUser", "success").reply()).isNull();
        assertThat(ReplyReader.read(ACCOUNT, "oUser", "").error()).isNull();
        String other = WxMpXmlOutMessage.TEXT().content("hi").fromUser("gh_test").toUser("oOther").build().toXml();
        ReplyReader.Reading reading = ReplyReader.read(ACCOUNT, "oUser", other);
        assertThat(reading.reply()).isNull();
        assertThat(reading.error()).contains("oOther");
    }

    @Test
    void safeModeNeedsAnAesKey() {
        Account plainOnly = new Account("wx1", "gh_1", "n", "t", "", "s", false);
        assertThatThrownBy(() -> WechatSigning.encrypted(plainOnly, "o", "<xml/>", "1", "2", "aaaabbbbccccdddd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> query(String query) {
        return UriComponentsBuilder.fromUriString("http://h/p" + query).build().getQueryParams().toSingleValueMap();
    }
}
