package cn.zwgk.assistant.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.notification.OutboxService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The base of the WeChat channel's end-to-end tests. Every subclass shares one application context:
 * the project's channel configuration plus the account of WeChat's documentation examples
 * ({@link TestChannelConfig}), the {@link ScriptedHandler}, the WeChat API on {@link FakeWechatApi},
 * and the reply budget scaled down from WeChat's 5 s so that its retries can be played in about a
 * second each: a {@value #WECHAT_TIMEOUT_MS} ms client timeout stands for WeChat's 5 s. The
 * application's {@link java.time.Clock} is a {@link MutableClock}, so that a test can play minutes
 * passing.
 */
@IntegrationTest
@Import({ScriptedHandler.class, MutableClock.Config.class})
@TestPropertySource(properties = {
        "wechat.passive-budget=1000ms",
        "wechat.retry-hold=1500ms",
        "wechat.final-after=3500ms",
        "wechat.typing-after=400ms",
        "notification.outbox.poll-interval=200ms",
        "notification.outbox.first-backoff=200ms"
})
public abstract class ChannelIntegrationTest {

    /** How long the emulated WeChat server waits for a passive reply (WeChat: 5 s). */
    public static final long WECHAT_TIMEOUT_MS = 1000;

    @LocalServerPort
    protected int port;

    @Autowired
    protected OutboxService outbox;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private cn.zwgk.assistant.knowledge.KnowledgeService knowledge;

    @DynamicPropertySource
    static void channel(DynamicPropertyRegistry registry) {
        registry.add("wechat.api-base-url", () -> FakeWechatApi.shared().baseUrl());
        registry.add("platform.channel-config-dir", TestChannelConfig::dir);
    }

    /** The default account (customer-service messages allowed; compatible mode in the tests, see TestBackends). */
    protected WechatTestClient city() {
        return WechatTestClient.defaultAccount(port);
    }

    /** An account in safe mode: it has an EncodingAESKey and no {@code mode} (channel-config-vectors). */
    protected WechatTestClient safeAccount() {
        return new WechatTestClient("http://127.0.0.1:" + port, "wxsafesample00001", "gh_safesample0",
                "safe-sample-token", "G4WaPLzYB6Gf5DRx4xXTt9LkUK7Zj6s1oFdAmasLfno");
    }

    /** The district account (plain mode, no customer-service messages). */
    protected WechatTestClient district() {
        return WechatTestClient.districtAccount(port);
    }

    protected static FakeWechatApi wechatApi() {
        return FakeWechatApi.shared();
    }

    /** An openid no other test uses. */
    protected static String newOpenid(String hint) {
        return "o" + hint + Long.toString(WechatTestClient.nextMsgId(), 36);
    }

    /** Waits until the sample documents are imported, so that a policy question is answered, not told to wait. */
    protected void awaitKnowledgeLoaded() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(knowledge::ready);
    }

    /** How many deliveries so far were retries of a message already being handled. */
    protected double dedupeHits() {
        Counter hits = meters.find("wechat.dedupe.hits").counter();
        return hits == null ? 0 : hits.count();
    }

    /** Waits until {@code n} more retries than {@code before} have reached the webhook. */
    protected void awaitDedupeHits(double before, int n) {
        await(() -> dedupeHits() >= before + n, n + " retries received");
    }

    /** The outbox entry once it is SENT or FAILED. */
    protected OutboxEntry awaitSettled(String deliveryKey) {
        await(() -> outbox.find(deliveryKey).map(e -> e.status() == OutboxEntry.Status.SENT
                || e.status() == OutboxEntry.Status.FAILED).orElse(false), "outbox entry " + deliveryKey + " settled");
        return outbox.find(deliveryKey).orElseThrow();
    }

    /** Polls {@code condition} for up to 15 s. */
    protected static void await(BooleanSupplier condition, String what) {
        Awaitility.await("waiting for " + what).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(condition::getAsBoolean);
    }
}
