package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.platform.Redis;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * A signed query string (timestamp, nonce, signature) is good for one request body within the
 * replay window: WeChat's own retries repeat query and body and get the one answer; the same query
 * string with another body is refused; an identical replay is never processed a second time.
 */
class ReplayIT extends ChannelIntegrationTest {

    @Autowired
    Redis redis;

    @Test
    void aQueryStringReplayedWithAnotherBodyIsRefused() {
        WechatTestClient city = city();
        String query = city.signedQuery(WechatTestClient.now());
        HttpResponse<String> first = city.post(query, city.textXml(newOpenid("logged"), "帮助",
                WechatTestClient.nextMsgId()), Duration.ofSeconds(10));
        assertThat(first.statusCode()).isEqualTo(200);

        String id = "replay-body-" + WechatTestClient.nextMsgId();
        HttpResponse<String> forged = city.post(query, city.textXml(newOpenid("victim"),
                ScriptedHandler.script(id, false), WechatTestClient.nextMsgId()), Duration.ofSeconds(10));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void theQueryStringOfAUrlCheckCannotCarryAMessage() {
        WechatTestClient city = city();
        String query = city.signedQuery(WechatTestClient.now());
        assertThat(city.get(query + "&echostr=4375120948345356249").statusCode()).isEqualTo(200);

        String id = "url-check-" + WechatTestClient.nextMsgId();
        HttpResponse<String> forged = city.post(query, city.textXml(newOpenid("victim"),
                ScriptedHandler.script(id, false), WechatTestClient.nextMsgId()), Duration.ofSeconds(10));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void aQueryStringSeenWithAnEncryptedMessageCannotCarryAPlaintextOne() {
        WechatTestClient city = city();
        String ts = Long.toString(WechatTestClient.now());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String signed = "?signature=" + WechatTestClient.sign(city.token(), ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
        String encrypted = city.encrypt(city.textXml(newOpenid("sealed"), "帮助", WechatTestClient.nextMsgId()), city.appId());
        HttpResponse<String> sealed = city.post(signed + "&encrypt_type=aes&msg_signature="
                + WechatTestClient.sign(city.token(), ts, nonce, encrypted), city.envelope(encrypted), Duration.ofSeconds(10));
        assertThat(sealed.statusCode()).isEqualTo(200);

        String id = "downgrade-" + WechatTestClient.nextMsgId();
        HttpResponse<String> downgraded = city.post(signed, city.textXml(newOpenid("victim"),
                ScriptedHandler.script(id, false), WechatTestClient.nextMsgId()), Duration.ofSeconds(10));
        assertThat(downgraded.statusCode()).isEqualTo(403);
        assertThat(ScriptedHandler.invocations(id)).isZero();
    }

    @Test
    void wechatsRetryWithTheSameQueryStringAndBodyGetsTheAnswer() {
        WechatTestClient city = city();
        String id = "same-query-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("retry"), ScriptedHandler.script(id, false), WechatTestClient.nextMsgId());
        String query = city.signedQuery(WechatTestClient.now());

        HttpResponse<String> first = city.post(query, xml, Duration.ofSeconds(10));
        HttpResponse<String> retry = city.post(query, xml, Duration.ofSeconds(10));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(WechatTestClient.extract(retry.body(), "Content"))
                .isEqualTo(WechatTestClient.extract(first.body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithTheSameQueryStringAllGetTheAnswer() throws Exception {
        WechatTestClient city = city();
        String id = "same-query-conc-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("retryc"), ScriptedHandler.script(id, true), WechatTestClient.nextMsgId());
        String query = city.signedQuery(WechatTestClient.now());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        double hitsBefore = dedupeHits();
        try {
            List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> city.post(query, xml, Duration.ofSeconds(10)), threads))
                    .toList();
            await(() -> ScriptedHandler.invocations(id) > 0, "handler for " + id + " started");
            awaitDedupeHits(hitsBefore, 2);
            ScriptedHandler.open(id);
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                assertThat(WechatTestClient.extract(post.get().body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
            }
            assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The penetration test's case: message keys lived 120 s, the timestamp is good for 300 s, so
     * the same request 125 s later was handled again. Here the 125 s pass on the application's
     * clock, and every key of the webhook in Redis is aged by as much.
     */
    @Test
    void anIdenticalRequestReplayedAfterTwoMinutesIsNotProcessedAgain() {
        WechatTestClient city = city();
        String id = "late-replay-" + WechatTestClient.nextMsgId();
        String xml = city.textXml(newOpenid("late"), ScriptedHandler.script(id, false), WechatTestClient.nextMsgId());
        String query = city.signedQuery(WechatTestClient.now());
        HttpResponse<String> first = city.post(query, xml, Duration.ofSeconds(10));
        assertThat(WechatTestClient.extract(first.body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));

        Duration later = Duration.ofSeconds(125);
        try {
            clock.advance(later);
            ageWebhookKeys(later);
            HttpResponse<String> replayed = city.post(query, xml, Duration.ofSeconds(10));
            assertThat(ScriptedHandler.invocations(id)).as("handled once").isEqualTo(1);
            if (replayed.statusCode() == 200) {
                assertThat(WechatTestClient.extract(replayed.body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
            } else {
                assertThat(replayed.statusCode()).isEqualTo(403);
            }
        } finally {
            clock.reset();
        }
    }

    /** Takes {@code by} off the time to live of every key the webhook keeps; deletes those it ends. */
    private void ageWebhookKeys(Duration by) {
        for (String key : redis.jedis().keys(redis.key("wx", "*"))) {
            long ttl = redis.jedis().pttl(key);
            if (ttl > by.toMillis()) {
                redis.jedis().pexpire(key, ttl - by.toMillis());
            } else if (ttl >= 0) {
                redis.jedis().del(key);
            }
        }
    }
}
