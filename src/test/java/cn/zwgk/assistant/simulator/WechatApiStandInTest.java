package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.simulator.WechatApiStandIn.Api;
import cn.zwgk.assistant.wechat.Account;
import tools.jackson.databind.json.JsonMapper;

class WechatApiStandInTest {

    private static final Account ACCOUNT = new Account("wxA", "gh_a", "A", "tok", "", "sec", true);
    private final MutableClock clock = new MutableClock();
    private final WechatApiStandIn standIn = new WechatApiStandIn(
            id -> id.equals("wxA") ? Optional.of(ACCOUNT) : Optional.empty(), Duration.ofSeconds(7200), 3, clock);

    @Test
    void tokensNeedTheRightAppIdAndSecretAndExpire() {
        StandInTokens tokens = standIn.tokens();
        assertThat(tokens.grant("wxB", "sec", false).errcode()).isEqualTo(40013);
        assertThat(tokens.grant("wxA", "wrong", false).errcode()).isEqualTo(40125);
        StandInTokens.Grant grant = tokens.grant("wxA", "sec", false);
        assertThat(grant.granted()).isTrue();
        assertThat(grant.expiresIn()).isEqualTo(7200);
        assertThat(tokens.appIdFor(grant.token())).contains("wxA");
        assertThat(standIn.tokenRequests()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(7201));
        assertThat(tokens.appIdFor(grant.token())).isEmpty();
    }

    @Test
    void stableTokenIsReusedUnlessForced() {
        String first = standIn.tokens().grant("wxA", "sec", true).token();
        assertThat(standIn.tokens().grant("wxA", "sec", true).token()).isEqualTo(first);
        assertThat(standIn.tokens().grant("wxA", "sec", false).token()).isNotEqualTo(first);
        standIn.expireTokens();
        assertThat(standIn.tokens().appIdFor(first)).isEmpty();
    }

    @Test
    void aTypingIndicatorIsRecordedAndLeavesTheFaultsForMessages() {
        standIn.failNext(1, -1);
        assertThat(standIn.typing("wxA", "oUser", "Typing")).containsEntry("errcode", 0);
        assertThat(standIn.typing("wxA", " ", "Typing").get("errcode")).isNotEqualTo(0);
        assertThat(standIn.sentTo("oUser")).singleElement().satisfies(m -> {
            assertThat(m.api()).isEqualTo(Api.TYPING);
            assertThat(m.content()).isEqualTo("Typing");
        });
        assertThat(standIn.deliver(Api.CUSTOMER_SERVICE, "wxA", "oUser", "hi", "{}")).containsEntry("errcode", -1);
    }

    @Test
    void failNextAnswersThatManySendsWithTheErrcodeThenRecordsAgain() {
        standIn.failNext(2, -1);
        assertThat(send("oX", "1")).containsEntry("errcode", -1);
        assertThat(send("oX", "2")).containsEntry("errcode", -1);
        assertThat(send("oX", "3")).containsEntry("errcode", 0);
        assertThat(standIn.sentTo("oX")).extracting(WechatApiStandIn.SentMessage::content).containsExactly("3");
    }

    @Test
    void delayNextHoldsTheAnswer() {
        standIn.delayNext(1, Duration.ofMillis(300));
        long started = System.nanoTime();
        send("oX", "slow");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(standIn.sentTo("oX")).extracting(WechatApiStandIn.SentMessage::content).containsExactly("slow");
    }

    @Test
    void keepsOnlyTheNewestMessagesAndClearForgetsThem() {
        for (int i = 1; i <= 4; i++) {
            send("oY", "m" + i);
        }
        assertThat(standIn.sent()).extracting(WechatApiStandIn.SentMessage::content).containsExactly("m2", "m3", "m4");
        standIn.failNext(1, 45015);
        standIn.clear();
        assertThat(standIn.sent()).isEmpty();
        assertThat(send("oY", "after")).containsEntry("errcode", 0);
    }

    @Test
    void aSendWithoutRecipientIsAnInvalidOpenid() {
        assertThat(standIn.deliver(Api.CUSTOMER_SERVICE, "wxA", null, "x", "{}")).containsEntry("errcode", 40003);
        assertThat(standIn.sent()).isEmpty();
    }

    @Test
    void readsTheContentOfEachApi() {
        JsonMapper json = JsonMapper.builder().build();
        var kefu = json.readTree("{\"touser\":\"oZ\",\"msgtype\":\"text\",\"text\":{\"content\":\"您好\"}}");
        assertThat(SentMessageReader.toUser(Api.CUSTOMER_SERVICE, kefu)).isEqualTo("oZ");
        assertThat(SentMessageReader.content(Api.CUSTOMER_SERVICE, kefu)).isEqualTo("您好");
        var template = json.readTree("{\"touser\":\"oZ\",\"template_id\":\"t\",\"data\":{\"thing1\":{\"value\":\"受理\"},"
                + "\"time2\":{\"value\":\"2026-01-05\"}}}");
        assertThat(SentMessageReader.content(Api.TEMPLATE, template)).isEqualTo("thing1: 受理\ntime2: 2026-01-05");
        var menu = json.readTree("{\"button\":[{\"name\":\"政策问答\"},{\"name\":\"进度查询\"}]}");
        assertThat(SentMessageReader.toUser(Api.MENU, menu)).isNull();
        assertThat(SentMessageReader.content(Api.MENU, menu)).isEqualTo("政策问答 | 进度查询");
    }

    private Map<String, Object> send(String openid, String text) {
        return standIn.deliver(Api.CUSTOMER_SERVICE, "wxA", openid, text, "{}");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
