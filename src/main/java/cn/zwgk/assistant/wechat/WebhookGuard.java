package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The checks every request to {@code /wechat/portal/{appId}} passes before the controller sees it,
 * in this order: known account (404), signature over token, timestamp and nonce (403), timestamp
 * within the replay window (403), body at most {@code wechat.max-body-bytes} (413), query string
 * not used before with another body (403, {@link ReplayGuard}). A URL check (GET) is checked for
 * account and signature only, and its query string reserved so that it carries no message later.
 * What passed goes on as a {@link CheckedRequest} request attribute, the body read once; the
 * controller refuses a request without it. A plain filter, registered (by Spring Boot, as a bean)
 * for request dispatches only: the async dispatch of a slow reply does not pass it again, and other
 * requests cost a method and a prefix comparison.
 */
@Component
class WebhookGuard implements Filter {

    private static final Logger log = LoggerFactory.getLogger(WebhookGuard.class);
    private static final String PATH = "/wechat/portal/";

    private final AccountRegistry accounts;
    private final WechatProperties properties;
    private final WechatMetrics metrics;
    private final ReplayGuard replayGuard;
    private final Clock clock;

    WebhookGuard(AccountRegistry accounts, WechatProperties properties, WechatMetrics metrics, ReplayGuard replayGuard,
                 Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.metrics = metrics;
        this.replayGuard = replayGuard;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        String appId = post || "GET".equals(method) || "HEAD".equals(method) ? appId(request) : null;
        if (appId == null) {
            chain.doFilter(request, response); // another path, no handler, or a method not allowed: Spring MVC answers
            return;
        }
        CheckedRequest checked = post ? checkMessage(appId, request, response) : checkUrlCheck(appId, request, response);
        if (checked != null) {
            request.setAttribute(CheckedRequest.ATTRIBUTE, checked);
            chain.doFilter(request, response);
        }
    }

    /** The message's checks; null when refused (the response is then written). */
    private CheckedRequest checkMessage(String appId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long started = System.nanoTime();
        // The query string is read by hand: asking the servlet for parameters would consume a body
        // sent as a form.
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
                .query(request.getQueryString()).build().encode().getQueryParams();
        String signature = param(query, "signature");
        String timestamp = param(query, "timestamp");
        String nonce = param(query, "nonce");
        Account account = accounts.find(appId).orElse(null);
        if (account == null) {
            return refuse(response, HttpServletResponse.SC_NOT_FOUND, "unknown account");
        }
        if (!signatureValid(account, signature, timestamp, nonce)) {
            metrics.refused("signature");
            return refuse(response, HttpServletResponse.SC_FORBIDDEN, "bad signature");
        }
        long epochSeconds = fresh(timestamp);
        if (epochSeconds < 0) {
            metrics.refused("replay");
            return refuse(response, HttpServletResponse.SC_FORBIDDEN, "timestamp outside the replay window");
        }
        String body = readCapped(request);
        if (body == null) {
            metrics.refused("size");
            return refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large");
        }
        ReplayGuard.Verdict seen = replayGuard.admit(account.appId(), signature, epochSeconds, body);
        if (seen == ReplayGuard.Verdict.CONFLICT) {
            metrics.refused("replay");
            log.warn("Refused a request for {}: its query string came before with another body", appId);
            return refuse(response, HttpServletResponse.SC_FORBIDDEN, "query string already used with another body");
        }
        return new CheckedRequest(account, timestamp, nonce, param(query, "msg_signature"),
                "aes".equalsIgnoreCase(param(query, "encrypt_type")), body, seen != ReplayGuard.Verdict.UNCHECKED,
                started);
    }

    /** The URL check's: account and signature; its query string is reserved while its timestamp is fresh. */
    private CheckedRequest checkUrlCheck(String appId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Account account = accounts.find(appId).orElse(null);
        if (account == null) {
            return refuse(response, HttpServletResponse.SC_NOT_FOUND, "unknown account");
        }
        String signature = request.getParameter("signature");
        String timestamp = request.getParameter("timestamp");
        String nonce = request.getParameter("nonce");
        if (!signatureValid(account, signature, timestamp, nonce)) {
            return refuse(response, HttpServletResponse.SC_FORBIDDEN, "bad signature");
        }
        long epochSeconds = fresh(timestamp);
        if (epochSeconds >= 0) {
            replayGuard.reserveForUrlCheck(account.appId(), signature, epochSeconds);
        }
        return new CheckedRequest(account, timestamp, nonce, null, false, null, true, System.nanoTime());
    }

    /**
     * The path segment after {@code /wechat/portal/}, without path parameters ({@code ;…}) and decoded,
     * as Spring MVC reads {@code {appId}}; null for another path, or none or more than one segment.
     */
    private static String appId(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int context = request.getContextPath().length();
        int start = context + PATH.length();
        if (!uri.startsWith(PATH, context) || start >= uri.length() || uri.indexOf('/', start) >= 0) {
            return null;
        }
        int semicolon = uri.indexOf(';', start);
        return UriUtils.decode(uri.substring(start, semicolon < 0 ? uri.length() : semicolon), StandardCharsets.UTF_8);
    }

    private static boolean signatureValid(Account account, String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        return MessageCrypto.matches(MessageCrypto.signature(account.token(), timestamp, nonce), signature);
    }

    /** The timestamp in epoch seconds when it is within the replay window of now, else -1. */
    private long fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp.trim());
            long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
            return skew <= properties.replayWindow().toSeconds() && seconds >= 0 ? seconds : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body as UTF-8, or null when it is larger than the cap. */
    private String readCapped(HttpServletRequest request) throws IOException {
        int cap = properties.maxBodyBytes();
        if (request.getContentLengthLong() > cap) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(cap + 1);
            return bytes.length > cap ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String param(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
    }

    private static CheckedRequest refuse(HttpServletResponse response, int status, String reason) throws IOException {
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }
}
