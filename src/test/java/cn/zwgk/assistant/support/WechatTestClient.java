package cn.zwgk.assistant.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
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

    public HttpResponse<String> postPlain(String xml) {
        String ts = Long.toString(now());
        String nonce = Long.toString(System.nanoTime());
        return post("?signature=" + sign(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce, xml,
                Duration.ofSeconds(30));
    }

    public HttpResponse<String> postAes(String xml) {
        String ts = Long.toString(now());
        String nonce = Long.toString(System.nanoTime());
        String encrypted = new WxCryptUtil(token, aesKey, appId).encrypt(xml);
        String envelope = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>";
        String query = "?signature=" + sign(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=" + sign(token, ts, nonce, encrypted);
        return post(query, envelope, Duration.ofSeconds(30));
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
            throw new java.io.UncheckedIOException(e);
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
            throw new java.io.UncheckedIOException(e);
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

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
