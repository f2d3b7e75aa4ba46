package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.support.WechatTestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A ready answer is written on the request thread; a slow one makes the request asynchronous. */
class WechatPortalControllerReplyPathTest {

    private static final Duration INLINE_WAIT = Duration.ofMillis(50);

    private final ReplyCoordinator coordinator = mock(ReplyCoordinator.class);
    private final ReplyEncoder encoder = mock(ReplyEncoder.class);
    private final WechatPortalController controller = new WechatPortalController(
            properties(), coordinator, encoder, new WechatMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    private final Account account = new AccountRegistry(
            new PlatformProperties("channel-config", "./data", null, "t:", 0, null),
            new MockEnvironment().withProperty("WECHAT_MODE", "compatible")).find("wx5f8e2d1c0b9a7e01").orElseThrow();
    private final WechatTestClient wechat = WechatTestClient.defaultAccount(0);

    @Test
    void readyAnswerIsWrittenWithoutGoingAsynchronous() throws Exception {
        when(coordinator.reply(any(), any())).thenReturn(CompletableFuture.completedFuture(Optional.of("您好")));
        when(encoder.encode(any(), any(), anyString(), anyBoolean())).thenReturn("<xml>您好</xml>");
        MockHttpServletResponse response = new MockHttpServletResponse();

        CompletableFuture<ResponseEntity<String>> result =
                controller.receive(checkedGreeting(), response);

        assertThat(result).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/xml");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<xml>您好</xml>");
        assertThat(response.getContentLength()).isEqualTo("<xml>您好</xml>".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void slowAnswerIsLeftToTheAsynchronousReply() throws Exception {
        CompletableFuture<Optional<String>> pending = new CompletableFuture<>();
        when(coordinator.reply(any(), any())).thenReturn(pending);
        when(encoder.encode(any(), any(), anyString(), anyBoolean())).thenReturn("<xml>later</xml>");
        MockHttpServletResponse response = new MockHttpServletResponse();

        CompletableFuture<ResponseEntity<String>> result =
                controller.receive(checkedGreeting(), response);

        assertThat(result).isNotNull().isNotDone();
        assertThat(response.getContentAsByteArray()).isEmpty();
        pending.complete(Optional.of("later"));
        assertThat(result.get(1, TimeUnit.SECONDS).getBody()).isEqualTo("<xml>later</xml>");
    }

    /** A plaintext greeting as {@link WebhookGuard} passes it on. */
    private CheckedRequest checkedGreeting() {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        return new CheckedRequest(account, ts, "12345", null, false,
                wechat.textXml("oPath1", "你好", WechatTestClient.nextMsgId()), true, System.nanoTime());
    }

    private static WechatProperties properties() {
        return new WechatProperties(null, Duration.ofSeconds(300), 65536, Duration.ofMillis(4500),
                Duration.ofMillis(5500), 4, Duration.ofSeconds(14), Duration.ofSeconds(610), 1,
                Duration.ofMillis(200), 16, 2000, INLINE_WAIT, 20, Duration.ofSeconds(60), Duration.ZERO);
    }
}
