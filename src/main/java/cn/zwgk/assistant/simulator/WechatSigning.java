package cn.zwgk.assistant.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import cn.zwgk.assistant.wechat.Account;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Signs a push the way the WeChat server does, and in safe mode encrypts it and decrypts the
 * reply with WxJava's {@link WxCryptUtil} (an implementation independent of the webhook's own).
 */
final class WechatSigning {

    private WechatSigning() {
    }

    /** {@code sha1(sort(parts).join(""))} as lower-case hex. */
    static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain-mode push: the XML as it is, with {@code signature}, {@code timestamp}, {@code nonce}, {@code openid}. */
    static Push plain(Account account, String openid, String xml, String timestamp, String nonce) {
        return new Push(baseQuery(account, openid, timestamp, nonce), xml);
    }

    /** A safe-mode push: the XML encrypted into {@code <Encrypt>}, plus {@code encrypt_type} and {@code msg_signature}. */
    static Push encrypted(Account account, String openid, String xml, String timestamp, String nonce, String random16) {
        String encrypted = crypt(account).encrypt(random16, xml);
        String body = "<xml><ToUserName>" + WechatMessageXml.cdata(account.originalId()) + "</ToUserName>"
                + "<Encrypt>" + WechatMessageXml.cdata(encrypted) + "</Encrypt></xml>";
        String query = baseQuery(account, openid, timestamp, nonce) + "&encrypt_type=aes&msg_signature="
                + signature(account.token(), timestamp, nonce, encrypted);
        return new Push(query, body);
    }

    /** The inner XML of a safe-mode reply; throws when its {@code MsgSignature} does not match. */
    static String decryptReply(Account account, String msgSignature, String timestamp, String nonce, String replyXml) {
        return crypt(account).decryptXml(msgSignature, timestamp, nonce, replyXml);
    }

    private static WxCryptUtil crypt(Account account) {
        if (!account.hasAesKey()) {
            throw new IllegalArgumentException("account " + account.appId() + " has no EncodingAESKey");
        }
        return new WxCryptUtil(account.token(), account.aesKey(), account.appId());
    }

    private static String baseQuery(Account account, String openid, String timestamp, String nonce) {
        return "?signature=" + signature(account.token(), timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=" + URLEncoder.encode(openid, StandardCharsets.UTF_8);
    }

    /** The query string (starting with {@code ?}) and body of one push. */
    record Push(String query, String body) {
    }
}
