package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.FakeWechatApi.CustomerServiceMessage;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * The reply budget against WeChat's retry behaviour, played at the scale of
 * {@link ChannelIntegrationTest}: each delivery is given up by "WeChat" after
 * {@value ChannelIntegrationTest#WECHAT_TIMEOUT_MS} ms and retried with the same MsgId, four
 * deliveries in all. The {@link ScriptedHandler}'s gate decides when the answer is ready.
 */
class ReplyBudgetIT extends ChannelIntegrationTest {

    private static final Duration WECHAT_WAIT = Duration.ofMillis(WECHAT_TIMEOUT_MS);

    @Autowired
    Texts texts;

    @Test
    void answerReadyDuringARetryArrivesPassivelyOnThatRetry() throws Exception {
        WechatTestClient city = city();
        String id = "on-retry-" + WechatTestClient.nextMsgId();
        long msgId = WechatTestClient.nextMsgId();
        String openid = newOpenid("onretry");
        String xml = city.textXml(openid, ScriptedHandler.script(id, true), msgId);

        assertThat(city.postPlainWithin(xml, WECHAT_WAIT)).as("first delivery is held past WeChat's wait").isEmpty();
        double hitsBefore = dedupeHits();
        CompletableFuture<Optional<HttpResponse<String>>> retry =
                CompletableFuture.supplyAsync(() -> city.postPlainWithin(xml, WECHAT_WAIT.multipliedBy(3)));
        awaitDedupeHits(hitsBefore, 1);
        ScriptedHandler.open(id);

        HttpResponse<String> response = retry.get().orElseThrow();
        assertThat(WechatTestClient.extract(response.body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
        // and nothing else goes out afterwards
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300)).atMost(java.time.Duration.ofSeconds(2))
                .until(() -> outbox.find(lateKey(city, msgId)).isEmpty() && wechatApi().sentTo(openid).isEmpty());
    }

    @Test
    void answerLaterThanTheLastRetryIsSentAsACustomerServiceMessage() {
        WechatTestClient city = city();
        String id = "late-cs-" + WechatTestClient.nextMsgId();
        long msgId = WechatTestClient.nextMsgId();
        String openid = newOpenid("latecs");
        String xml = city.textXml(openid, ScriptedHandler.script(id, true), msgId);
        double asyncBefore = count("wechat.deliveries.async", "customer-service");

        HttpResponse<String> last = deliverFourTimesWithoutAnAnswer(city, xml);
        assertThat(last.body()).isEqualTo("success");
        ScriptedHandler.open(id);

        CustomerServiceMessage sent = wechatApi().awaitSent(m -> openid.equals(m.toUser()), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no customer-service message reached the WeChat API"));
        assertThat(sent.msgType()).isEqualTo("text");
        assertThat(sent.content()).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(sent.aiMarked()).as("a quoted or fixed answer is not AI content").isFalse();
        assertThat(awaitSettled(lateKey(city, msgId)).status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(wechatApi().sentTo(openid)).hasSize(1);
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
        assertThat(count("wechat.deliveries.async", "customer-service")).isEqualTo(asyncBefore + 1);
    }

    @Test
    void aLateGeneratedAnswerCarriesWechatsAiContentMark() {
        WechatTestClient city = city();
        String id = "late-ai-" + WechatTestClient.nextMsgId();
        long msgId = WechatTestClient.nextMsgId();
        String openid = newOpenid("lateai");
        String xml = city.textXml(openid, ScriptedHandler.generatedScript(id), msgId);

        assertThat(deliverFourTimesWithoutAnAnswer(city, xml).body()).isEqualTo("success");
        ScriptedHandler.open(id);

        CustomerServiceMessage sent = wechatApi().awaitSent(m -> openid.equals(m.toUser()), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no customer-service message reached the WeChat API"));
        assertThat(sent.content()).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(sent.aiMarked()).isTrue();
        assertThat(awaitSettled(lateKey(city, msgId)).channel()).isEqualTo(OutboundMessage.CUSTOMER_SERVICE_AI);

        // an account not set to mark AI content sends the same generated answer unmarked
        WechatTestClient unmarked = new WechatTestClient("http://127.0.0.1:" + port, "wxkefusample00001",
                "gh_kefusample0", "kefu-sample-token", "");
        String id2 = "late-unmarked-" + WechatTestClient.nextMsgId();
        String openid2 = newOpenid("lateunmarked");
        assertThat(deliverFourTimesWithoutAnAnswer(unmarked,
                unmarked.textXml(openid2, ScriptedHandler.generatedScript(id2), WechatTestClient.nextMsgId())).body())
                .isEqualTo("success");
        ScriptedHandler.open(id2);
        assertThat(wechatApi().awaitSent(m -> openid2.equals(m.toUser()), Duration.ofSeconds(15)).orElseThrow().aiMarked())
                .isFalse();
    }

    @Test
    void withoutCustomerServiceTheLastRetrySaysPendingAndTheNextMessageGetsTheAnswer() throws Exception {
        WechatTestClient district = district();
        String id = "late-pending-" + WechatTestClient.nextMsgId();
        String openid = newOpenid("latepend");
        String xml = district.textXml(openid, ScriptedHandler.script(id, true), WechatTestClient.nextMsgId());
        double pendingBefore = count("wechat.deliveries.async", "pending");

        HttpResponse<String> last = deliverFourTimesWithoutAnAnswer(district, xml);
        assertThat(WechatTestClient.extract(last.body(), "Content")).isEqualTo(texts.get("wechat.answer-pending"));
        ScriptedHandler.open(id);
        awaitCount("wechat.deliveries.async", "pending", pendingBefore + 1);

        String next = WechatTestClient.extract(district.postPlain(
                district.textXml(openid, "你好", WechatTestClient.nextMsgId())).body(), "Content");
        assertThat(next).isEqualTo(ScriptedHandler.answer(id, 1));
        String after = WechatTestClient.extract(district.postPlain(
                district.textXml(openid, "你好", WechatTestClient.nextMsgId())).body(), "Content");
        assertThat(after).isEqualTo(texts.get("conversation.greeting"));
        assertThat(wechatApi().sentTo(openid)).isEmpty();
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
    }

    @Test
    void aRetryArrivingAfterFinalAfterIsTreatedAsTheLastOne() throws Exception {
        WechatTestClient district = district();
        String id = "final-after-" + WechatTestClient.nextMsgId();
        String xml = district.textXml(newOpenid("finalafter"), ScriptedHandler.script(id, true),
                WechatTestClient.nextMsgId());
        assertThat(district.postPlainWithin(xml, WECHAT_WAIT)).isEmpty();
        sleepPastFinalAfter(id);

        HttpResponse<String> second = district.postPlainWithin(xml, WECHAT_WAIT.multipliedBy(3)).orElseThrow();
        assertThat(WechatTestClient.extract(second.body(), "Content")).isEqualTo(texts.get("wechat.answer-pending"));
        ScriptedHandler.open(id);
    }

    @Test
    void anAnswerIsDeliveredOnceWhenARetryIsStillWaitingAfterTheHandOff() throws Exception {
        WechatTestClient city = city();
        String id = "once-" + WechatTestClient.nextMsgId();
        long msgId = WechatTestClient.nextMsgId();
        String openid = newOpenid("once");
        String xml = city.textXml(openid, ScriptedHandler.script(id, true), msgId);
        assertThat(city.postPlainWithin(xml, WECHAT_WAIT)).isEmpty();
        sleepPastFinalAfter(id);
        // Past final-after: this delivery hands the answer off to a customer-service message.
        assertThat(city.postPlainWithin(xml, WECHAT_WAIT.multipliedBy(3)).orElseThrow().body()).isEqualTo("success");

        // WeChat retries once more, and the answer becomes ready while that delivery waits.
        double hitsBefore = dedupeHits();
        CompletableFuture<Optional<HttpResponse<String>>> retry =
                CompletableFuture.supplyAsync(() -> city.postPlainWithin(xml, WECHAT_WAIT.multipliedBy(3)));
        awaitDedupeHits(hitsBefore, 1);
        ScriptedHandler.open(id);
        HttpResponse<String> response = retry.get().orElseThrow();
        awaitFinished(id);

        boolean passive = response.body().contains(ScriptedHandler.answer(id, 1));
        // one way only, and it stays so: the answer is in the reply or in the outbox, never both
        org.awaitility.Awaitility.await("the answer goes out one way only").during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(3))
                .until(() -> passive ^ outbox.find(lateKey(city, msgId)).isPresent());
        boolean customerService = outbox.find(lateKey(city, msgId)).isPresent();
        assertThat(passive ^ customerService)
                .as("delivered exactly once (passive: %s, customer service: %s)", passive, customerService).isTrue();
    }

    @Test
    void aSlowAnswerShowsTheTypingIndicatorOnlyWhereTheAccountMaySendCustomerServiceMessages() {
        WechatTestClient city = city();
        String slow = "typing-" + WechatTestClient.nextMsgId();
        String openid = newOpenid("typing");
        assertThat(city.postPlainWithin(city.textXml(openid, ScriptedHandler.script(slow, true),
                WechatTestClient.nextMsgId()), WECHAT_WAIT)).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> wechatApi().typingShownTo(openid) == 1);
        ScriptedHandler.open(slow);

        WechatTestClient district = district();
        String slowThere = "typing-district-" + WechatTestClient.nextMsgId();
        String districtUser = newOpenid("typingdistrict");
        assertThat(district.postPlainWithin(district.textXml(districtUser, ScriptedHandler.script(slowThere, true),
                WechatTestClient.nextMsgId()), WECHAT_WAIT)).isEmpty();
        org.awaitility.Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> wechatApi().typingShownTo(districtUser) == 0);
        ScriptedHandler.open(slowThere);

        String quickUser = newOpenid("typingquick");
        city.postPlain(city.textXml(quickUser, "你好", WechatTestClient.nextMsgId()));
        org.awaitility.Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> wechatApi().typingShownTo(quickUser) == 0);
    }

    /** Four deliveries of one message, each abandoned after WeChat's wait; returns the last response. */
    private HttpResponse<String> deliverFourTimesWithoutAnAnswer(WechatTestClient client, String xml) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Optional<HttpResponse<String>> response = client.postPlainWithin(xml, WECHAT_WAIT);
            // Normally WeChat gives up first; a delivery that happens to count as final says "success".
            response.ifPresent(r -> assertThat(r.body()).doesNotContain("答复"));
        }
        return client.postPlainWithin(xml, WECHAT_WAIT.multipliedBy(3))
                .orElseThrow(() -> new AssertionError("the final delivery must be answered within the budget"));
    }

    /**
     * Waits until the first delivery of the script {@code id} is surely more than final-after
     * (3.5 s) old: the server records a message as first seen before its handler starts.
     */
    private static void sleepPastFinalAfter(String id) throws InterruptedException {
        await(() -> ScriptedHandler.invocations(id) > 0, "handler for " + id + " started");
        long started = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> System.nanoTime() - started >= java.time.Duration.ofMillis(3600).toNanos());
    }

    private static String lateKey(WechatTestClient client, long msgId) {
        return "reply:" + client.appId() + ":" + msgId;
    }

    private double count(String name, String mode) {
        var counter = meters.find(name).tag("mode", mode).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCount(String name, String mode, double atLeast) {
        await(() -> count(name, mode) >= atLeast, name + "{mode=" + mode + "} >= " + atLeast);
    }

    private static void awaitFinished(String id) {
        await(() -> ScriptedHandler.finished(id) > 0, "handler for " + id + " finished");
    }
}
