package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.TestChannelConfig;
import cn.zwgk.assistant.support.WechatTestClient;

/** The webhook's side of the WeChat protocol: URL check, signatures, safe mode and every refusal. */
class WebhookProtocolIT extends ChannelIntegrationTest {

    @Autowired
    Texts texts;

    private WechatTestClient officialSample() {
        return new WechatTestClient("http://127.0.0.1:" + port, TestChannelConfig.OFFICIAL_SAMPLE_APP_ID,
                "gh_officialsample", "AAAAA", null);
    }

    // --- URL verification (GET) ---

    @Test
    void urlVerificationWithTheOfficialExampleEchoesEchostrExactly() {
        HttpResponse<String> response = officialSample().get(
                "?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492"
                        + "&echostr=4375120948345356249");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("4375120948345356249");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void urlVerificationEchoesAnyEchostrVerbatim() {
        WechatTestClient city = city();
        String echostr = "A1b2-C3_d4.5%2B6"; // "+" percent-encoded, as WeChat's URL carries it
        HttpResponse<String> response = city.get(city.signedQuery(WechatTestClient.now()) + "&echostr=" + echostr);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("A1b2-C3_d4.5+6");
    }

    @Test
    void urlVerificationWithABadSignatureIsForbidden() {
        HttpResponse<String> response = officialSample().get(
                "?signature=f464b24fc39322e44b38aa78f5edd27bd1441697&timestamp=1714036504&nonce=1514711492"
                        + "&echostr=4375120948345356249");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("4375120948345356249");
    }

    @Test
    void urlVerificationWithoutParametersIsForbidden() {
        assertThat(officialSample().get("?echostr=123").statusCode()).isEqualTo(403);
    }

    @Test
    void urlVerificationForAnUnknownAccountIsNotFound() {
        WechatTestClient unknown = new WechatTestClient("http://127.0.0.1:" + port, "wxunknown", "gh_x", "AAAAA", null);
        assertThat(unknown.get("?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504"
                + "&nonce=1514711492&echostr=1").statusCode()).isEqualTo(404);
    }

    // --- messages (POST) ---

    @Test
    void plainRoundTrip() {
        WechatTestClient city = city();
        String openid = newOpenid("plain");
        HttpResponse<String> response = city.postPlain(city.textXml(openid, "帮助", WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("xml"));
        assertThat(WechatTestClient.extract(response.body(), "ToUserName")).isEqualTo(openid);
        assertThat(WechatTestClient.extract(response.body(), "FromUserName")).isEqualTo(city.originalId());
        assertThat(WechatTestClient.extract(response.body(), "MsgType")).isEqualTo("text");
        assertThat(WechatTestClient.extract(response.body(), "Content")).isEqualTo(texts.get("conversation.help"));
        assertThat(response.body()).doesNotContain("<MsgId>");
    }

    @Test
    void safeModeRoundTripIsDecryptedWithWxJava() {
        WechatTestClient city = city();
        String openid = newOpenid("aes");
        String id = "aes-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = city.postAes(city.textXml(openid, ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Encrypt>").contains("<MsgSignature>").doesNotContain("答复");
        String inner = city.decryptReply(response.body());
        assertThat(WechatTestClient.extract(inner, "ToUserName")).isEqualTo(openid);
        assertThat(WechatTestClient.extract(inner, "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
    }

    @Test
    void safeModeMessageEncryptedForAnotherAppIdIsForbidden() {
        WechatTestClient city = city();
        String id = "wrongapp-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = city.postAes(city.textXml(newOpenid("wa"), ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId()), "wxsomebodyelse0001", false);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void safeModeMessageWithAWrongMsgSignatureIsForbidden() {
        WechatTestClient city = city();
        String id = "badmsgsig-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = city.postAes(city.textXml(newOpenid("ms"), ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId()), city.appId(), true);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void safeModeMessageWithATamperedCiphertextIsRefused() {
        WechatTestClient city = city();
        String encrypted = city.encrypt(city.textXml("oTamper", "你好", WechatTestClient.nextMsgId()), city.appId());
        char first = encrypted.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + encrypted.substring(1);
        long ts = WechatTestClient.now();
        String query = city.signedQuery(ts);
        String nonce = query.substring(query.indexOf("&nonce=") + 7);
        query += "&encrypt_type=aes&msg_signature=" + WechatTestClient.sign(city.token(), Long.toString(ts), nonce, tampered);
        HttpResponse<String> response = city.post(query, city.envelope(tampered), Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownAccountIsNotFound() {
        WechatTestClient unknown = new WechatTestClient("http://127.0.0.1:" + port, "wxunknown", "gh_x",
                "local-dev-token", null);
        assertThat(unknown.postPlain(unknown.textXml("o1", "你好", WechatTestClient.nextMsgId())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badSignatureIsForbidden() {
        WechatTestClient forged = new WechatTestClient("http://127.0.0.1:" + port, city().appId(),
                city().originalId(), "not-the-token", null);
        String id = "forged-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = forged.postPlain(forged.textXml("o1", ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void missingParametersAreForbidden() {
        WechatTestClient city = city();
        String xml = city.textXml("o1", "你好", WechatTestClient.nextMsgId());
        assertThat(city.post("", xml, Duration.ofSeconds(10)).statusCode()).isEqualTo(403);
        String query = city.signedQuery(WechatTestClient.now());
        String withoutNonce = query.substring(0, query.indexOf("&nonce="));
        assertThat(city.post(withoutNonce, xml, Duration.ofSeconds(10)).statusCode()).isEqualTo(403);
    }

    @Test
    void timestampsOutsideTheReplayWindowAreForbidden() {
        WechatTestClient city = city();
        String id = "replay-" + WechatTestClient.nextMsgId();
        String xml = city.textXml("oReplay", ScriptedHandler.script(id, false), WechatTestClient.nextMsgId());
        // A few seconds past the 300 s window: the server reads its clock later than the test signs,
        // so a request signed 1 s past the window on the future side may arrive just inside it.
        HttpResponse<String> old = city.post(city.signedQuery(WechatTestClient.now() - 305), xml, Duration.ofSeconds(10));
        HttpResponse<String> future = city.post(city.signedQuery(WechatTestClient.now() + 305), xml, Duration.ofSeconds(10));
        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).contains("replay window");
        assertThat(future.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
        // Just inside the window is accepted.
        assertThat(city.post(city.signedQuery(WechatTestClient.now() - 240), xml, Duration.ofSeconds(10)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theOfficialPostExampleIsCorrectlySignedButTooOld() {
        WechatTestClient sample = officialSample();
        HttpResponse<String> response = sample.post(
                "?signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656",
                sample.textXml("oSample", "你好", WechatTestClient.nextMsgId()), Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("replay window");
    }

    @Test
    void malformedXmlIsABadRequest() {
        WechatTestClient city = city();
        HttpResponse<String> response = city.post(city.signedQuery(WechatTestClient.now()),
                "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName", Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void xmlWithoutSenderIsABadRequest() {
        WechatTestClient city = city();
        HttpResponse<String> response = city.post(city.signedQuery(WechatTestClient.now()),
                "<xml><MsgType>text</MsgType><Content>x</Content></xml>", Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void externalEntityIsABadRequestAndNothingLeaks() {
        WechatTestClient city = city();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>oXxe</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";
        HttpResponse<String> response = city.post(city.signedQuery(WechatTestClient.now()), xxe, Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void doctypeIsABadRequest() {
        WechatTestClient city = city();
        String xml = "<!DOCTYPE xml><xml><FromUserName>o</FromUserName><MsgType>text</MsgType></xml>";
        assertThat(city.post(city.signedQuery(WechatTestClient.now()), xml, Duration.ofSeconds(10)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void bodyOverSixtyFourKibibytesIsTooLarge() {
        WechatTestClient city = city();
        String id = "large-" + WechatTestClient.nextMsgId();
        String xml = city.textXml("oLarge", ScriptedHandler.script(id, false) + "x".repeat(65 * 1024),
                WechatTestClient.nextMsgId());
        HttpResponse<String> response = city.post(city.signedQuery(WechatTestClient.now()), xml, Duration.ofSeconds(10));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void bodyJustUnderTheCapIsAccepted() {
        WechatTestClient city = city();
        String xml = city.textXml("oBig", "x", WechatTestClient.nextMsgId());
        String padded = xml.replace("<Content>", "<Content>" + "y".repeat(64 * 1024 - xml.length() - 1));
        assertThat(padded.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
        assertThat(city.post(city.signedQuery(WechatTestClient.now()), padded, Duration.ofSeconds(10)).statusCode())
                .isEqualTo(200);
    }
}
