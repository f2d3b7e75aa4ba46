package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

@IntegrationTest
class WebhookSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void greetingGetsAPassiveReplyAddressedToTheSender() {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        HttpResponse<String> response = wechat.postPlain(wechat.textXml("oSmoke1", "你好", WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(response.body(), "ToUserName")).isEqualTo("oSmoke1");
        assertThat(WechatTestClient.extract(response.body(), "Content")).contains("您好");
    }
}
