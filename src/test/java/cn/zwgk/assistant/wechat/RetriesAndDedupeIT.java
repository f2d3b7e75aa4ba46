package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;

/** WeChat's retries of one MsgId have their effect once, and every retry gets the one answer. */
class RetriesAndDedupeIT extends ChannelIntegrationTest {

    @Test
    void sameMsgIdPostedTwiceIsHandledOnceAndAnsweredAlike() {
        WechatTestClient city = city();
        String id = "twice-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("twice"), ScriptedHandler.script(id, false), WechatTestClient.nextMsgId());

        String first = content(city.postPlain(xml));
        String second = content(city.postPlain(xml));

        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
        assertThat(first).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentMsgIdsFromOneUserAreBothHandled() {
        WechatTestClient city = city();
        String id = "distinct-" + WechatTestClient.nextMsgId();
        String openid = newOpenid("distinct");
        String first = content(city.postPlain(city.textXml(openid, ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId())));
        String second = content(city.postPlain(city.textXml(openid, ScriptedHandler.script(id, false),
                WechatTestClient.nextMsgId())));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(2);
        assertThat(first).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(second).isEqualTo(ScriptedHandler.answer(id, 2));
    }

    @Test
    void concurrentDeliveriesOfOneMsgIdAreHandledOnceAndAllGetTheAnswer() throws Exception {
        WechatTestClient city = city();
        String id = "concurrent-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("conc"), ScriptedHandler.script(id, true), WechatTestClient.nextMsgId());

        // Three deliveries (the first and two retries) arrive while the answer is still being computed.
        ExecutorService threads = Executors.newFixedThreadPool(3);
        double hitsBefore = dedupeHits();
        try {
            List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> city.post(
                            city.signedQuery(WechatTestClient.now()), xml, Duration.ofSeconds(10)), threads))
                    .toList();
            awaitStarted(id);
            awaitDedupeHits(hitsBefore, 2);
            ScriptedHandler.open(id);

            for (CompletableFuture<HttpResponse<String>> post : posts) {
                assertThat(content(post.get())).isEqualTo(ScriptedHandler.answer(id, 1));
            }
            assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void retriedSafeModeMessageIsHandledOnce() {
        WechatTestClient city = city();
        String id = "aes-retry-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("aesr"), ScriptedHandler.script(id, false), WechatTestClient.nextMsgId());
        String first = WechatTestClient.extract(city.decryptReply(city.postAes(xml).body()), "Content");
        String second = WechatTestClient.extract(city.decryptReply(city.postAes(xml).body()), "Content");
        assertThat(first).isEqualTo(second).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
    }

    @Test
    void theSameMsgIdOnTwoAccountsIsTwoMessages() {
        WechatTestClient city = city();
        WechatTestClient district = district();
        String id = "two-accounts-" + WechatTestClient.nextMsgId();
        long msgId = WechatTestClient.nextMsgId();
        String openid = newOpenid("acc");
        content(city.postPlain(city.textXml(openid, ScriptedHandler.script(id, false), msgId)));
        content(district.postPlain(district.textXml(openid, ScriptedHandler.script(id, false), msgId)));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(2);
    }

    static void awaitStarted(String id) {
        await(() -> ScriptedHandler.invocations(id) > 0, "handler for " + id + " started");
    }

    static String content(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String content = WechatTestClient.extract(response.body(), "Content");
        assertThat(content).as("reply to %s", response.body()).isNotNull();
        return content;
    }
}
