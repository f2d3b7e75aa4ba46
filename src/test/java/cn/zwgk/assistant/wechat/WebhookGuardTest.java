package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.support.WechatTestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The webhook's checks, in their order, without a server. */
class WebhookGuardTest {

    private static final String APP_ID = "wx5f8e2d1c0b9a7e01";
    private static final long NOW = 1_800_000_000L;

    private final ReplayGuard replayGuard = mock(ReplayGuard.class);
    private final WechatTestClient wechat = WechatTestClient.defaultAccount(0);
    private final WebhookGuard guard = new WebhookGuard(
            new AccountRegistry(new PlatformProperties("channel-config", "./data", null, "t:", 0, null),
                    new MockEnvironment().withProperty("WECHAT_MODE", "compatible")),
            properties(), new WechatMetrics(new SimpleMeterRegistry()), replayGuard,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private final MockFilterChain chain = new MockFilterChain();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @BeforeEach
    void firstSight() {
        when(replayGuard.admit(anyString(), anyString(), anyLong(), anyString())).thenReturn(ReplayGuard.Verdict.FIRST);
    }

    @Test
    void aGoodRequestGoesOnWithItsBodyReadOnce() throws Exception {
        String body = wechat.textXml("oGuard", "你好", 1L);
        MockHttpServletRequest request = post(APP_ID, query(wechat.token(), NOW) + "&encrypt_type=aes&msg_signature=ms", body);
        guard.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        CheckedRequest checked = (CheckedRequest) request.getAttribute(CheckedRequest.ATTRIBUTE);
        assertThat(checked.account().appId()).isEqualTo(APP_ID);
        assertThat(checked.body()).isEqualTo(body);
        assertThat(checked.timestamp()).isEqualTo(Long.toString(NOW));
        assertThat(checked.nonce()).isEqualTo("777");
        assertThat(checked.encrypted()).isTrue();
        assertThat(checked.msgSignature()).isEqualTo("ms");
        assertThat(checked.replayChecked()).isTrue();
    }

    @Test
    void theChecksRunInTheirOrder() throws Exception {
        // unknown account before a bad signature
        assertThat(refusal(post("wxnobody", "signature=bad&timestamp=1&nonce=1", "<xml/>"))).isEqualTo("404 unknown account");
        // bad signature before a stale timestamp
        assertThat(refusal(post(APP_ID, "signature=bad&timestamp=1&nonce=1", "<xml/>"))).isEqualTo("403 bad signature");
        assertThat(refusal(post(APP_ID, "timestamp=1&nonce=1", "<xml/>"))).isEqualTo("403 bad signature");
        // stale timestamp before an oversize body
        assertThat(refusal(post(APP_ID, query(wechat.token(), NOW - 301), "x".repeat(70_000))))
                .isEqualTo("403 timestamp outside the replay window");
        // oversize body before the replay check
        assertThat(refusal(post(APP_ID, query(wechat.token(), NOW - 300), "x".repeat(65_537)))).isEqualTo("413 body too large");
        verifyNoInteractions(replayGuard);
        when(replayGuard.admit(anyString(), anyString(), anyLong(), anyString())).thenReturn(ReplayGuard.Verdict.CONFLICT);
        assertThat(refusal(post(APP_ID, query(wechat.token(), NOW), "<xml/>")))
                .isEqualTo("403 query string already used with another body");
    }

    @Test
    void aBodyAtTheCapIsTaken() throws Exception {
        MockHttpServletRequest request = post(APP_ID, query(wechat.token(), NOW), "x".repeat(65_536));
        guard.doFilter(request, response, chain);
        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void withRedisUnreachableTheRequestGoesOnUncheckedAgainstReplays() throws Exception {
        when(replayGuard.admit(anyString(), anyString(), anyLong(), anyString())).thenReturn(ReplayGuard.Verdict.UNCHECKED);
        MockHttpServletRequest request = post(APP_ID, query(wechat.token(), NOW), "<xml/>");
        guard.doFilter(request, response, chain);
        assertThat(((CheckedRequest) request.getAttribute(CheckedRequest.ATTRIBUTE)).replayChecked()).isFalse();
    }

    @Test
    void aUrlCheckIsCheckedForAccountAndSignatureAndReservesItsQueryString() throws Exception {
        MockHttpServletRequest request = get(APP_ID, query(wechat.token(), NOW) + "&echostr=42");
        guard.doFilter(request, response, chain);
        assertThat(chain.getRequest()).isSameAs(request);
        verify(replayGuard).reserveForUrlCheck(APP_ID, WechatTestClient.sign(wechat.token(), Long.toString(NOW), "777"), NOW);

        assertThat(refusal(get(APP_ID, "signature=bad&timestamp=1&nonce=1&echostr=42"))).isEqualTo("403 bad signature");
        assertThat(refusal(get("wxnobody", "echostr=42"))).isEqualTo("404 unknown account");
        // a stale but well-signed URL check is answered, and nothing reserved
        MockHttpServletRequest stale = get(APP_ID, query(wechat.token(), NOW - 400) + "&echostr=42");
        guard.doFilter(stale, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(stale.getAttribute(CheckedRequest.ATTRIBUTE)).isNotNull();
        verify(replayGuard, never()).reserveForUrlCheck(anyString(), anyString(), org.mockito.ArgumentMatchers.eq(NOW - 400));
    }

    @Test
    void otherPathsAndMethodsAreLeftToSpringMvc() throws Exception {
        MockHttpServletRequest other = new MockHttpServletRequest("POST", "/api/faq");
        guard.doFilter(other, response, chain);
        assertThat(chain.getRequest()).isSameAs(other);
        MockHttpServletRequest put = new MockHttpServletRequest("PUT", "/wechat/portal/" + APP_ID);
        MockFilterChain putChain = new MockFilterChain();
        guard.doFilter(put, response, putChain);
        assertThat(putChain.getRequest()).isSameAs(put);
        assertThat(other.getAttribute(CheckedRequest.ATTRIBUTE)).isNull();
        assertThat(put.getAttribute(CheckedRequest.ATTRIBUTE)).isNull();
        verifyNoInteractions(replayGuard);
    }

    /** "status reason" of a refused request, after checking that it went no further. */
    private String refusal(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain stopped = new MockFilterChain();
        guard.doFilter(request, refused, stopped);
        assertThat(stopped.getRequest()).isNull();
        assertThat(request.getAttribute(CheckedRequest.ATTRIBUTE)).isNull();
        assertThat(refused.getContentType()).startsWith("text/plain");
        return refused.getStatus() + " " + refused.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String query(String token, long timestamp) {
        String ts = Long.toString(timestamp);
        return "signature=" + WechatTestClient.sign(token, ts, "777") + "&timestamp=" + ts + "&nonce=777";
    }

    private static MockHttpServletRequest post(String appId, String query, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wechat/portal/" + appId);
        request.setQueryString(query);
        request.setContentType("text/xml");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static MockHttpServletRequest get(String appId, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/wechat/portal/" + appId);
        request.setQueryString(query);
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return request;
    }

    private static WechatProperties properties() {
        return new WechatProperties(null, Duration.ofSeconds(300), 65536, Duration.ofMillis(4500),
                Duration.ofMillis(5500), 4, Duration.ofSeconds(14), Duration.ofSeconds(610), 1,
                Duration.ofMillis(200), 16, 2000, Duration.ofMillis(100), 20, Duration.ofSeconds(60), Duration.ZERO);
    }
}
