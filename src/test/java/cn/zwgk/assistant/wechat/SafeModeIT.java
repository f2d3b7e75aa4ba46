package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * The account's message mode (WeChat's 明文 / 兼容 / 安全) decides what the webhook accepts, and a
 * message must be addressed to the account it arrives for. The penetration test's case: a signed
 * query string taken from a proxy log, a plaintext body naming another citizen's openid.
 */
class SafeModeIT extends ChannelIntegrationTest {

    @Test
    void aSafeModeAccountRefusesAPlaintextMessage() {
        WechatTestClient safe = safeAccount();
        String id = "safe-plain-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = safe.postPlain(safe.textXml(newOpenid("victim"),
                ScriptedHandler.script(id, false), WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("safe mode");
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void aSafeModeAccountAnswersAnEncryptedMessage() {
        WechatTestClient safe = safeAccount();
        String id = "safe-aes-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = safe.postAes(safe.textXml(newOpenid("safe"), ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(safe.decryptReply(response.body()), "Content"))
                .isEqualTo(ScriptedHandler.answer(id, 1));
    }

    @Test
    void aCompatibleModeAccountTakesBoth() {
        WechatTestClient city = city();
        String id = "compatible-" + WechatTestClient.nextMsgId();
        assertThat(city.postPlain(city.textXml(newOpenid("cp"), ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId())).statusCode()).isEqualTo(200);
        assertThat(city.postAes(city.textXml(newOpenid("ca"), ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId())).statusCode()).isEqualTo(200);
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(2);
    }

    @Test
    void aMessageAddressedToAnotherAccountIsRefused() {
        WechatTestClient city = city();
        String id = "to-other-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("to"), ScriptedHandler.script(id, false), WechatTestClient.nextMsgId())
                .replace(city.originalId(), district().originalId());
        HttpResponse<String> response = city.postPlain(xml);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("ToUserName");
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void anEncryptedMessageAddressedToAnotherAccountIsRefused() {
        WechatTestClient safe = safeAccount();
        String id = "aes-to-other-" + WechatTestClient.nextMsgId();
        String xml = safe.textXml(newOpenid("aesto"), ScriptedHandler.script(id, false), WechatTestClient.nextMsgId())
                .replace(safe.originalId(), "gh_someoneelse");
        HttpResponse<String> response = safe.postAes(xml);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }
}
