package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.zwgk.assistant.wechat.Account;
import me.chanjar.weixin.common.util.XmlUtils;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** The emulator against a stub webhook: WeChat's timeout and retries, and how answers are read. */
class WechatServerEmulatorTest {

    private static final Account ACCOUNT = new Account("wxE", "gh_e", "E", "tok", "", "sec", true);
    /** An EncodingAESKey and no mode: safe mode, like the shipped default account. */
    private static final Account SAFE = new Account("wxS", "gh_s", "S", "tok", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            "sec", true);

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aSlowWebhookGetsTheSameMessageAgainUntilItAnswers() throws IOException {
        WechatServerEmulator emulator = emulator(Duration.ofSeconds(3), 3, n -> n <= 2 ? null : "success");

        EmulatorResult result = emulator.send(EmulatedMessage.text("wxE", "oSlow", "你好"));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.reply()).isNull();
        assertThat(result.error()).isNull();
        assertThat(bodies).hasSize(3).containsOnly(bodies.get(0));
        assertThat(XmlUtils.xml2Map(bodies.get(0))).containsEntry("Content", "你好").containsKey("MsgId");
        assertThat(paths).allSatisfy(p -> assertThat(p).startsWith("/wechat/portal/wxE?signature="));
    }

    @Test
    void givesUpAfterThreeRetriesLikeWechat() throws IOException {
        WechatServerEmulator emulator = emulator(Duration.ofMillis(300), 3, n -> null);

        EmulatorResult result = emulator.send(EmulatedMessage.text("wxE", "oGone", "你好"));

        assertThat(result.attempts()).isEqualTo(4);
        assertThat(calls.get()).isEqualTo(4);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.error()).contains("after 4 attempts");
    }

    @Test
    void readsAPassiveTextReply() throws IOException {
        String reply = WxMpXmlOutMessage.TEXT().content("您好！").fromUser("gh_e").toUser("oHi").build().toXml();
        WechatServerEmulator emulator = emulator(Duration.ofSeconds(5), 3, n -> reply);

        EmulatorResult result = emulator.send(EmulatedMessage.text("wxE", "oHi", "你好"));

        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.reply()).isEqualTo("您好！");
        assertThat(result.replyXml()).isEqualTo(reply);
    }

    @Test
    void refusesUnknownAccountsAndSafeModeWithoutKey() throws IOException {
        WechatServerEmulator emulator = emulator(Duration.ofSeconds(5), 3, n -> "success");
        assertThatThrownBy(() -> emulator.send(EmulatedMessage.text("wxNope", "oA", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.send(EmulatedMessage.text("wxE", "oA", "x").encrypted()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls.get()).isZero();
    }

    @Test
    void aSafeModeAccountGetsEveryPushEncryptedAsWechatDoes() throws IOException {
        WechatServerEmulator emulator = emulator(Duration.ofSeconds(5), 0, n -> "success");

        emulator.send(EmulatedMessage.text("wxS", "oSafe", "你好"));

        assertThat(paths).singleElement().satisfies(p -> assertThat(p).contains("encrypt_type=aes&msg_signature="));
        assertThat(XmlUtils.xml2Map(bodies.get(0))).containsKey("Encrypt").doesNotContainKey("Content");
    }

    /** A stub webhook: {@code answers} gives the body for the n-th call, or null to answer only after the test. */
    private WechatServerEmulator emulator(Duration timeout, int retries, IntFunction<String> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> handle(exchange, answers));
        server.start();
        WechatServerEmulator emulator = new WechatServerEmulator(
                id -> Optional.ofNullable(id.equals("wxE") ? ACCOUNT : id.equals("wxS") ? SAFE : null),
                new SimulatorProperties(true, timeout, retries, Duration.ofHours(2), 100));
        emulator.useBaseUrl("http://127.0.0.1:" + server.getAddress().getPort());
        return emulator;
    }

    private void handle(HttpExchange exchange, IntFunction<String> answers) throws IOException {
        int n = calls.incrementAndGet();
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        paths.add(exchange.getRequestURI().toString());
        String answer = answers.apply(n);
        if (answer == null) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer = "too late";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the emulator has hung up already, like WeChat after its timeout
        } finally {
            exchange.close();
        }
    }
}
