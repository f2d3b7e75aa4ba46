package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zwgk.assistant.Application;
import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.FakeWechatApi;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.TestBackends;
import cn.zwgk.assistant.support.TestChannelConfig;
import cn.zwgk.assistant.support.WechatTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two application instances behind one address share one Redis (each with its own database here):
 * a retry that lands on the other instance is not handled again and gets the same answer, and
 * both instances use one access token. On the embedded backends the first instance runs the
 * in-process Redis and the second connects to it.
 */
@ExtendWith(ExternalBackendCondition.class)
class TwoInstancesIT {

    private static final Duration WECHAT_WAIT = Duration.ofMillis(1000);

    private static FakeWechatApi api;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        api = FakeWechatApi.start();
        String prefix = "t2i" + UUID.randomUUID().toString().substring(0, 8) + ":";
        Map<String, String> one = instance(prefix);
        Map<String, String> two = instance(prefix);
        if (!TestBackends.external()) {
            int port = freePort();
            one.put("platform.embedded-redis-port", Integer.toString(port));
            two.put("platform.redis-url", "redis://127.0.0.1:" + port);
        }
        first = start(one);
        second = start(two);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aRetryOnTheOtherInstanceIsNotHandledAgainAndGetsTheSameAnswer() throws Exception {
        WechatTestClient viaFirst = WechatTestClient.defaultAccount(port(first));
        WechatTestClient viaSecond = WechatTestClient.defaultAccount(port(second));
        String id = "two-instances-" + WechatTestClient.nextMsgId();
        String xml = viaFirst.textXml("oTwoInstances", ScriptedHandler.script(id, true), WechatTestClient.nextMsgId());

        assertThat(viaFirst.postPlainWithin(xml, WECHAT_WAIT)).as("first delivery held by the first instance").isEmpty();
        double hits = dedupeHits(second);
        CompletableFuture<Optional<HttpResponse<String>>> retry =
                CompletableFuture.supplyAsync(() -> viaSecond.postPlainWithin(xml, WECHAT_WAIT.multipliedBy(3)));
        await(() -> dedupeHits(second) > hits, "the retry reached the second instance");
        ScriptedHandler.open(id);

        HttpResponse<String> response = retry.get().orElseThrow();
        assertThat(WechatTestClient.extract(response.body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
        // A further retry, back on the first instance, gets the same answer too.
        HttpResponse<String> again = viaFirst.postPlain(xml);
        assertThat(WechatTestClient.extract(again.body(), "Content")).isEqualTo(ScriptedHandler.answer(id, 1));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesToBothInstancesAreHandledOnce() throws Exception {
        WechatTestClient viaFirst = WechatTestClient.defaultAccount(port(first));
        WechatTestClient viaSecond = WechatTestClient.defaultAccount(port(second));
        String id = "two-concurrent-" + WechatTestClient.nextMsgId();
        String xml = viaFirst.textXml("oTwoConcurrent", ScriptedHandler.script(id, true), WechatTestClient.nextMsgId());
        double hits = dedupeHits(first) + dedupeHits(second);

        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            for (WechatTestClient client : List.of(viaFirst, viaSecond, viaSecond)) {
                posts.add(CompletableFuture.supplyAsync(() -> client.postPlain(xml), threads));
            }
            await(() -> dedupeHits(first) + dedupeHits(second) >= hits + 2, "all deliveries arrived");
            ScriptedHandler.open(id);
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                assertThat(WechatTestClient.extract(post.get().body(), "Content"))
                        .isEqualTo(ScriptedHandler.answer(id, 1));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
    }

    @Test
    void bothInstancesShareOneAccessToken() {
        WechatTestClient viaFirst = WechatTestClient.defaultAccount(port(first));
        String openid = "oSharedToken";
        // The user writes, which opens the customer-service window (kept in the shared Redis).
        viaFirst.postPlain(viaFirst.textXml(openid, "你好", WechatTestClient.nextMsgId()));

        first.getBean(OutboxService.class).enqueue(OutboundMessage.customerService(
                "test:token:1", viaFirst.appId(), openid, "来自第一个实例"));
        second.getBean(OutboxService.class).enqueue(OutboundMessage.customerService(
                "test:token:2", viaFirst.appId(), openid, "来自第二个实例"));

        await(() -> api.sentTo(openid).size() == 2, "both customer-service messages reached WeChat");
        assertThat(api.sentTo(openid)).extracting(FakeWechatApi.CustomerServiceMessage::content)
                .containsExactlyInAnyOrder("来自第一个实例", "来自第二个实例");
        assertThat(api.tokenRequests(viaFirst.appId())).isEqualTo(1);
        assertThat(api.sentTo(openid)).extracting(FakeWechatApi.CustomerServiceMessage::accessToken).containsOnly(
                api.sentTo(openid).get(0).accessToken());
    }

    private static Map<String, String> instance(String keyPrefix) {
        Map<String, String> p = new LinkedHashMap<>(TestBackends.properties());
        p.put("platform.redis-key-prefix", keyPrefix);
        p.put("platform.channel-config-dir", TestChannelConfig.dir());
        p.put("wechat.api-base-url", api.baseUrl());
        p.put("wechat.passive-budget", "1000ms");
        p.put("wechat.retry-hold", "1500ms");
        p.put("wechat.final-after", "3500ms");
        p.put("notification.outbox.poll-interval", "200ms");
        p.put("server.port", "0");
        return p;
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        // As command-line arguments, so that they override application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class, ScriptedHandler.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static double dedupeHits(ConfigurableApplicationContext context) {
        Counter hits = context.getBean(MeterRegistry.class).find("wechat.dedupe.hits").counter();
        return hits == null ? 0 : hits.count();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(condition::getAsBoolean);
    }
}
