package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * Per-openid rate limit over the webhook: 3 messages per 4 s window here. Retries of one MsgId
 * count once, events do not count, the first message over the limit gets the notice and the
 * following ones silence, other users are unaffected, and the next window answers again.
 */
@IntegrationTest
@TestPropertySource(properties = {"wechat.rate-limit=3", "wechat.rate-window=4s"})
class RateLimitIT {

    private static final long WINDOW = 4000;

    @LocalServerPort
    int port;
    @Autowired
    Texts texts;

    @Test
    void overTheLimitOneNoticeThenSilenceUntilTheWindowPasses() throws InterruptedException {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String user = "oRate" + UUID.randomUUID().toString().substring(0, 8);
        String help = texts.get("conversation.help").strip();
        startOfAWindow();

        long first = WechatTestClient.nextMsgId();
        assertThat(say(wechat, user, "帮助", first)).isEqualTo(help);
        // WeChat's retries of the same MsgId: the same answer, and they are not counted
        assertThat(say(wechat, user, "帮助", first)).isEqualTo(help);
        assertThat(say(wechat, user, "帮助", first)).isEqualTo(help);
        assertThat(say(wechat, user, "帮助", WechatTestClient.nextMsgId())).isEqualTo(help);
        assertThat(say(wechat, user, "帮助", WechatTestClient.nextMsgId())).isEqualTo(help);
        // a follow event is not a typed message: never limited
        String welcome = WechatTestClient.extract(wechat.postPlain(wechat.eventXml(user, "subscribe", null,
                WechatTestClient.now())).body(), "Content");
        assertThat(welcome).isEqualTo(texts.get("conversation.welcome").strip());

        assertThat(say(wechat, user, "帮助", WechatTestClient.nextMsgId())).isEqualTo(texts.get("wechat.rate-limited"));
        var silent = wechat.postPlain(wechat.textXml(user, "帮助", WechatTestClient.nextMsgId()));
        assertThat(silent.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(silent.body(), "Content")).isNull();
        assertThat(say(wechat, user, "帮助", WechatTestClient.nextMsgId())).isNull();

        String other = "oRate" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(say(wechat, other, "帮助", WechatTestClient.nextMsgId())).isEqualTo(help);

        long nextWindow = System.currentTimeMillis() / WINDOW * WINDOW + WINDOW + 50;
        untilTime(nextWindow);
        assertThat(say(wechat, user, "帮助", WechatTestClient.nextMsgId())).isEqualTo(help);
    }

    private static String say(WechatTestClient wechat, String user, String text, long msgId) {
        String content = WechatTestClient.extract(wechat.postPlain(wechat.textXml(user, text, msgId)).body(), "Content");
        return content == null ? null : content.strip();
    }

    /** Waits for the start of a window so that the messages below fall into one. */
    private static void startOfAWindow() throws InterruptedException {
        long now = System.currentTimeMillis();
        if (now % WINDOW > 200) {
            untilTime(now / WINDOW * WINDOW + WINDOW + 20);
        }
    }

    /** Waits for the wall clock to pass {@code epochMillis} (the rate window is a wall-clock window). */
    private static void untilTime(long epochMillis) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(WINDOW + 2000))
                .pollInterval(java.time.Duration.ofMillis(10)).until(() -> System.currentTimeMillis() >= epochMillis);
    }
}
