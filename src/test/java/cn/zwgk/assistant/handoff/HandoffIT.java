package cn.zwgk.assistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.FakeWechatApi.CustomerServiceMessage;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * 转人工 through the webhook, with the stand-in WeChat API: in working hours a person takes over, the bot
 * stays silent meanwhile, staff replies go out as customer-service messages within WeChat's quota, and
 * the hold ends when staff close it or after the idle timeout; outside working hours the request waits
 * and the bot keeps answering; an account without customer-service messages points to the hotline.
 */
class HandoffIT extends ChannelIntegrationTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    @Autowired
    HandoffService handoffs;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Texts texts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void inWorkingHoursAPersonTakesOverAndTheBotStaysSilentUntilStaffClose() {
        moveClockTo(nextWorkingDay(), LocalTime.of(10, 0));
        WechatTestClient city = city();
        String openid = newOpenid("handoff");

        assertThat(send(city, openid, "转人工")).isEqualTo(texts.get("handoff.queued"));
        Handoff h = openOf(openid);
        assertThat(h.status()).isEqualTo(Handoff.Status.WAITING);
        assertThat(send(city, openid, "我的低保申请怎么还没批，电话13912345678"))
                .as("silent while waiting for a person").isEqualTo(texts.get("handoff.acknowledged"));

        assertThat(handoffs.take(h.id(), "handler-a")).isTrue();
        assertThat(handoffs.take(h.id(), "handler-b")).as("taken once").isFalse();
        awaitSent(openid, texts.get("handoff.taken"));
        assertThat(handoffs.reply(h.id(), "handler-b", "不是我接的")).isFalse();
        assertThat(handoffs.reply(h.id(), "handler-a", "您好，低保申请由民政局办理，我帮您查一下。")).isTrue();
        awaitSent(openid, "您好，低保申请由民政局办理，我帮您查一下。");
        assertThat(send(city, openid, "好的谢谢")).isEqualTo(texts.get("handoff.acknowledged"));

        assertThat(handoffs.messages(h.id())).extracting(HandoffMessage::text).containsExactly(
                "我的低保申请怎么还没批，电话139****5678", "您好，低保申请由民政局办理，我帮您查一下。", "好的谢谢");

        assertThat(handoffs.close(h.id(), "handler-a")).isTrue();
        awaitSent(openid, texts.get("handoff.ended"));
        assertThat(send(city, openid, "你好")).isEqualTo(texts.get("conversation.greeting"));
        assertThat(handoffs.find(h.id()).orElseThrow().closeReason()).isEqualTo("STAFF");
    }

    @Test
    void outsideWorkingHoursTheRequestWaitsAndTheBotKeepsAnswering() {
        LocalDate day = nextWorkingDay();
        moveClockTo(day, LocalTime.of(20, 0));
        WechatTestClient city = city();
        String openid = newOpenid("handoffnight");

        String reply = send(city, openid, "人工");
        assertThat(reply).startsWith("现在不是工作时间").contains("09:00");
        assertThat(send(city, openid, "人工")).isEqualTo(texts.get("handoff.already"));
        assertThat(send(city, openid, "你好")).isEqualTo(texts.get("conversation.greeting"));
        assertThat(handoffs.queue()).filteredOn(x -> openid.equals(x.openid()))
                .singleElement().extracting(Handoff::status).isEqualTo(Handoff.Status.WAITING);
    }

    @Test
    void aHeldConversationEndsAfterThirtyIdleMinutesAndTheCitizenIsTold() {
        moveClockTo(nextWorkingDay(), LocalTime.of(14, 0));
        WechatTestClient city = city();
        String openid = newOpenid("handoffidle");
        send(city, openid, "找工作人员");
        long id = openOf(openid).id();
        assertThat(handoffs.take(id, "handler-a")).isTrue();

        clock.advance(Duration.ofMinutes(29));
        handoffs.closeIdle(); // other tests' conversations may be idle by now; this one is not
        assertThat(handoffs.find(id).orElseThrow().status()).as("not idle yet").isEqualTo(Handoff.Status.HELD);
        clock.advance(Duration.ofMinutes(2));
        assertThat(handoffs.closeIdle()).isPositive();
        handoffs.closeIdle();
        assertThat(handoffs.find(id).orElseThrow().closeReason()).isEqualTo("IDLE");

        awaitSent(openid, texts.get("handoff.ended-idle"));
        assertThat(wechatApi().sentTo(openid)).as("told once")
                .filteredOn(m -> texts.get("handoff.ended-idle").equals(m.content())).hasSize(1);
        assertThat(send(city, openid, "你好")).isEqualTo(texts.get("conversation.greeting"));
    }

    @Test
    void staffRepliesRespectWechatsFiveMessageWindow() {
        moveClockTo(nextWorkingDay(), LocalTime.of(9, 30));
        WechatTestClient city = city();
        String openid = newOpenid("handoffquota");
        send(city, openid, "转人工");
        long id = openOf(openid).id();
        handoffs.take(id, "handler-a"); // the first of five messages: "工作人员已接入"
        for (int i = 1; i <= 5; i++) {
            assertThat(handoffs.reply(id, "handler-a", "第" + i + "条回复")).isTrue();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handoffs.messages(id).stream()
                .map(m -> outbox.find(m.deliveryKey()).map(OutboxEntry::status).orElse(null))
                .filter(s -> s == OutboxEntry.Status.SENT || s == OutboxEntry.Status.FAILED).count() == 5);
        assertThat(wechatApi().sentTo(openid)).as("WeChat allows five messages in the window").hasSize(5);
        assertThat(outbox.find(handoffs.messages(id).get(4).deliveryKey()).orElseThrow().status())
                .isEqualTo(OutboxEntry.Status.FAILED);
    }

    @Test
    void theBotOffersAPersonAfterTwoUnansweredQuestionsOrTwoUnhelpfulAnswersInARow() {
        WechatTestClient city = city();
        String asker = newOpenid("offerasker");
        awaitKnowledgeLoaded();
        assertThat(send(city, asker, "政务公开的基本原则是什么？")).contains("没有找到").doesNotContain(texts.get("handoff.offer"));
        assertThat(send(city, asker, "依申请公开的咨询热线是不是96180？")).contains("没有找到").endsWith(texts.get("handoff.offer"));

        String rater = newOpenid("offerrater");
        send(city, rater, "申请要收费吗？");
        assertThat(send(city, rater, "2")).isEqualTo(texts.get("feedback.thanks-unhelpful"));
        send(city, rater, "多久答复");
        assertThat(send(city, rater, "2")).isEqualTo(texts.get("feedback.thanks-unhelpful") + "\n" + texts.get("handoff.offer"));

        WechatTestClient district = district();
        String elsewhere = newOpenid("offerdistrict");
        send(district, elsewhere, "政务公开的基本原则是什么？");
        assertThat(send(district, elsewhere, "依申请公开的咨询热线是不是96180？"))
                .as("no person to offer where staff cannot reply").doesNotContain(texts.get("handoff.offer"));
    }

    @Test
    void anAccountOnWechatsOwnCustomerServiceSystemHandsOverWithATransferReply() {
        WechatTestClient kefu = new WechatTestClient("http://127.0.0.1:" + port, "wxkefusample00001", "gh_kefusample0",
                "kefu-sample-token", "");
        String openid = newOpenid("handoffkefu");
        HttpResponse<String> response = kefu.post(kefu.signedQuery(clock.instant().getEpochSecond()),
                kefu.textXml(openid, "转人工", WechatTestClient.nextMsgId()), Duration.ofSeconds(30));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(response.body(), "MsgType")).isEqualTo("transfer_customer_service");
        assertThat(WechatTestClient.extract(response.body(), "ToUserName")).isEqualTo(openid);
        assertThat(response.body()).doesNotContain("\u0000");
        assertThat(handoffs.queue()).as("WeChat's system holds it, not ours").noneMatch(x -> openid.equals(x.openid()));
    }

    @Test
    void anAccountWithoutCustomerServiceMessagesPointsToTheHotline() {
        WechatTestClient district = district();
        String openid = newOpenid("handoffdistrict");
        assertThat(send(district, openid, "转人工")).isEqualTo(texts.get("handoff.unavailable"));
        assertThat(handoffs.queue()).noneMatch(x -> openid.equals(x.openid()));
    }

    private Handoff openOf(String openid) {
        return handoffs.queue().stream().filter(x -> openid.equals(x.openid())).findFirst().orElseThrow();
    }

    private String send(WechatTestClient client, String openid, String text) {
        HttpResponse<String> response = client.post(client.signedQuery(clock.instant().getEpochSecond()),
                client.textXml(openid, text, WechatTestClient.nextMsgId()), Duration.ofSeconds(30));
        assertThat(response.statusCode()).isEqualTo(200);
        return WechatTestClient.extract(response.body(), "Content");
    }

    private void awaitSent(String openid, String text) {
        CustomerServiceMessage m = wechatApi().awaitSent(x -> openid.equals(x.toUser()) && text.equals(x.content()),
                Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("not sent to " + openid + ": " + text));
        assertThat(m.aiMarked()).isFalse();
    }

    private LocalDate nextWorkingDay() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void moveClockTo(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(OFFICE).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }
}
