package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.TestBackends;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * Redis restarted in the middle of a disclosure dialog. Embedded backend only: the test stops and
 * starts the in-process server on its port (an external Redis cannot be restarted from a test; see
 * docs/operations.md for that scenario). While Redis is down each message is answered at once with
 * a clear "send it again shortly"; once it is back the pool reconnects by itself and the dialog
 * resumes from the draft in the database (the restarted server has lost every key).
 */
@IntegrationTest
class RedisRestartIT {

    @LocalServerPort
    int port;
    @Autowired
    RedisConfiguration.EmbeddedRedis embedded;
    @Autowired
    Texts texts;

    private String say(String openid, String text) {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        var response = wechat.post(wechat.signedQuery(WechatTestClient.now()),
                wechat.textXml(openid, text, WechatTestClient.nextMsgId()), Duration.ofSeconds(15));
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatTestClient.extract(response.body(), "Content");
    }

    @Test
    void aDialogSurvivesARedisRestart() throws Exception {
        assumeFalse(TestBackends.external(), "restarts the in-process Redis: embedded backend only");
        String user = "oRestart" + UUID.randomUUID().toString().substring(0, 8);
        say(user, "我要申请公开2026年第一季度本区财政预算执行情况报告");
        say(user, "个人");
        assertThat(say(user, "李四")).contains(texts.get("disclosure.ask.id"));

        embedded.server().stop();
        try {
            long started = System.nanoTime();
            assertThat(say(user, "11010519491231002X")).isEqualTo(texts.get("wechat.unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            embedded.server().start();
        }

        AtomicReference<String> reply = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            reply.set(say(user, "11010519491231002X"));
            return !texts.get("wechat.unavailable").equals(reply.get());
        });
        assertThat(reply.get()).contains(texts.get("disclosure.resume")).contains(texts.get("disclosure.ask.phone"));
        say(user, "13800138000");
        say(user, "电子版，网上获取");
        assertThat(say(user, "确认")).containsPattern("YSQ-\\d{4}-\\d{6}");
    }
}
