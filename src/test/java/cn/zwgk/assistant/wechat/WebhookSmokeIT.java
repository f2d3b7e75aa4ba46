package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

class WebhookSmokeIT extends ChannelIntegrationTest {

    @Test
    void greetingGetsAPassiveReplyAddressedToTheSender() {
        WechatTestClient wechat = city();
        HttpResponse<String> response = wechat.postPlain(wechat.textXml("oSmoke1", "你好", WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(response.body(), "ToUserName")).isEqualTo("oSmoke1");
        assertThat(WechatTestClient.extract(response.body(), "Content")).contains("您好");
    }
}
