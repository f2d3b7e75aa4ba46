package cn.zwgk.assistant.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Plays the WeChat server in tests: builds message XML, signs it (and encrypts it with WxJava's own
 * {@link WxCryptUtil}, an implementation independent of ours) and posts it to the webhook.
 */
public final class WechatTestClient {

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String appId;
    private final String originalId;
    private final String token;
    private final String aesKey;

    public WechatTestClient(String baseUrl, String appId, String originalId, String token, String aesKey) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.originalId = originalId;
        this.token = token;
        this.aesKey = aesKey;
    }

    /** The default account of {@code channel-config/accounts/default.yml} on a local port. */
    public static WechatTestClient defaultAccount(int port) {
        return new WechatTestClient("http://127.0.0.1:" + port, "wx5f8e2d1c0b9a7e01", "gh_5f8e2d1c0b9a",
                "local-dev-token", "endnay1sb2NhbC1kZXYtZW5jb2RpbmctYWVzLWtleSE");
    }

    /** The second account of {@code channel-config/accounts/district.yml} (plain mode, no customer service). */
    public static WechatTestClient districtAccount(int port) {
        return new WechatTestClient("http://127.0.0.1:" + port, "wx3a4b5c6d7e8f9a02", "gh_3a4b5c6d7e8f",
                "district-dev-token", null);
    }

    public String appId() {
        return appId;
    }

    public String originalId() {
        return originalId;
    }

    public static long nextMsgId() {
        return MSG_IDS.incrementAndGet();
    }

    public String textXml(String openid, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    public String eventXml(String openid, String event, String eventKey, long createTime) {
        return "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + "</xml>";
    }

    /** Any message type, e.g. {@code image} with {@code PicUrl}, or {@code voice} with {@code Recognition}. */
    public String messageXml(String openid, String msgType, Map<String, String> fields, long msgId) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[").append(originalId)
                .append("]]></ToUserName><FromUserName><![CDATA[").append(openid)
                .append("]]></FromUserName><CreateTime>").append(now()).append("</CreateTime><MsgType><![CDATA[")
                .append(msgType).append("]]></MsgType>");
        fields.forEach((k, v) -> xml.append('<').append(k).append("><![CDATA[").append(v).append("]]></")
                .append(k).append('>'));
        return xml.append("<MsgId>").append(msgId).append("</MsgId></xml>").toString();
    }

    public HttpResponse<String> postPlain(String xml) {
        return post(signedQuery(now()), xml, Duration.ofSeconds(30));
    }

    /**
     * Posts like WeChat does: gives up after {@code timeout} (WeChat waits 5 s, then retries).
     * Empty when the webhook did not answer in time.
     */
    public Optional<HttpResponse<String>> postPlainWithin(String xml, Duration timeout) {
        try {
            return Optional.of(post(signedQuery(now()), xml, timeout));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code ?signature=…&timestamp=…&nonce=…} for the given timestamp (epoch seconds). */
    public String signedQuery(long timestamp) {
        String ts = Long.toString(timestamp);
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        return "?signature=" + sign(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
    }

    public HttpResponse<String> postAes(String xml) {
        return postAes(xml, appId, false);
    }

    /**
     * A safe-mode post: {@code xml} encrypted with WxJava for {@code innerAppId} (normally the
     * account's own appId); {@code badMsgSignature} sends a msg_signature that does not match.
     */
    public HttpResponse<String> postAes(String xml, String innerAppId, boolean badMsgSignature) {
        String ts = Long.toString(now());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String encrypted = encrypt(xml, innerAppId);
        String msgSignature = badMsgSignature ? sign(token, ts, nonce, encrypted + "x") : sign(token, ts, nonce, encrypted);
        String query = "?signature=" + sign(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=" + msgSignature;
        return post(query, envelope(encrypted), Duration.ofSeconds(30));
    }

    /** The {@code Encrypt} value WeChat would send: WxJava's ciphertext of the message. */
    public String encrypt(String xml, String innerAppId) {
        return new WxCryptUtil(token, aesKey, innerAppId).encrypt(randomString(), xml);
    }

    public String envelope(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>";
    }

    /** Decrypts a safe-mode reply with WxJava and returns the inner XML. */
    public String decryptReply(String encryptedReplyXml) {
        return new WxCryptUtil(token, aesKey, appId).decryptXml(
                extract(encryptedReplyXml, "MsgSignature"), extract(encryptedReplyXml, "TimeStamp"),
                extract(encryptedReplyXml, "Nonce"), encryptedReplyXml);
    }

    public HttpResponse<String> post(String query, String body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/wechat/portal/" + appId + query))
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/wechat/portal/" + appId + query)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String token() {
        return token;
    }

    public static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the first {@code <tag>} in the XML, CDATA unwrapped. */
    public static String extract(String xml, String tag) {
        int start = xml.indexOf("<" + tag + ">");
        int end = xml.indexOf("</" + tag + ">");
        if (start < 0 || end < 0) {
            return null;
        }
        String inner = xml.substring(start + tag.length() + 2, end).trim();
        if (inner.startsWith("<![CDATA[")) {
            inner = inner.substring(9, inner.length() - 3);
        }
        return inner;
    }

    private static String randomString() {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return sb.toString();
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
