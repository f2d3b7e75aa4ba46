package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/** Follow, unfollow and menu clicks. */
class EventsIT extends ChannelIntegrationTest {

    @Autowired
    Texts texts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void subscribeIsWelcomedAndRecorded() {
        WechatTestClient city = city();
        String openid = newOpenid("sub");
        HttpResponse<String> response = city.postPlain(city.eventXml(openid, "subscribe", null, WechatTestClient.now()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(response.body(), "ToUserName")).isEqualTo(openid);
        assertThat(WechatTestClient.extract(response.body(), "Content")).isEqualTo(texts.get("conversation.welcome"));
        assertThat(subscribed(city.appId(), openid)).contains(true);
    }

    @Test
    void aRetriedSubscribeEventGetsTheSameWelcome() {
        WechatTestClient city = city();
        String openid = newOpenid("subr");
        String xml = city.eventXml(openid, "subscribe", null, WechatTestClient.now());
        String first = city.postPlain(xml).body();
        String retry = city.postPlain(xml).body();
        assertThat(WechatTestClient.extract(retry, "Content")).isEqualTo(WechatTestClient.extract(first, "Content"))
                .isEqualTo(texts.get("conversation.welcome"));
    }

    @Test
    void unsubscribeIsRecordedAndLaterCustomerServiceMessagesAreNotSent() {
        WechatTestClient city = city();
        String openid = newOpenid("unsub");
        long t = WechatTestClient.now();
        city.postPlain(city.eventXml(openid, "subscribe", null, t - 2));
        // A text opens the customer-service window, so only the unsubscription can stop the send.
        city.postPlain(city.textXml(openid, "你好", WechatTestClient.nextMsgId()));

        HttpResponse<String> response = city.postPlain(city.eventXml(openid, "unsubscribe", null, t));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
        assertThat(subscribed(city.appId(), openid)).contains(false);

        String key = "test:after-unsubscribe:" + openid;
        assertThat(outbox.enqueue(OutboundMessage.customerService(key, city.appId(), openid, "您的申请已受理"))).isTrue();
        OutboxEntry entry = awaitSettled(key);
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(entry.lastError()).contains("unsubscribed");
        assertThat(wechatApi().sentTo(openid)).isEmpty();
    }

    @Test
    void subscribingAgainReopensTheChannel() {
        WechatTestClient city = city();
        String openid = newOpenid("resub");
        long t = WechatTestClient.now();
        city.postPlain(city.eventXml(openid, "subscribe", null, t - 2));
        city.postPlain(city.eventXml(openid, "unsubscribe", null, t - 1));
        assertThat(subscribed(city.appId(), openid)).contains(false);
        city.postPlain(city.eventXml(openid, "subscribe", null, t));
        assertThat(subscribed(city.appId(), openid)).contains(true);

        String key = "test:after-resubscribe:" + openid;
        outbox.enqueue(OutboundMessage.customerService(key, city.appId(), openid, "欢迎回来"));
        assertThat(awaitSettled(key).status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(wechatApi().sentTo(openid)).extracting(m -> m.content()).containsExactly("欢迎回来");
    }

    @Test
    void menuClicksAreRoutedByKey() {
        assertThat(click("POLICY_QA")).isEqualTo(texts.get("conversation.menu.policy"));
        assertThat(click("DISCLOSURE_APPLY")).startsWith(texts.get("disclosure.start"));
        assertThat(click("PROGRESS_QUERY")).isEqualTo(texts.get("disclosure.progress.none"));
        assertThat(click("SOMETHING_NEW")).isEqualTo(texts.get("conversation.help"));
    }

    @Test
    void otherEventsGetNoReply() {
        WechatTestClient city = city();
        HttpResponse<String> response = city.postPlain(city.eventXml(newOpenid("view"), "VIEW",
                "https://example.gov.cn", WechatTestClient.now()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
    }

    private String click(String key) {
        WechatTestClient city = city();
        HttpResponse<String> response = city.postPlain(city.eventXml(newOpenid("click"), "CLICK", key,
                WechatTestClient.now()));
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatTestClient.extract(response.body(), "Content");
    }

    private Optional<Boolean> subscribed(String appId, String openid) {
        return jdbc.sql("select subscribed from wechat_subscriber where app_id = ? and openid = ?")
                .params(appId, openid).query(Boolean.class).optional();
    }
}
