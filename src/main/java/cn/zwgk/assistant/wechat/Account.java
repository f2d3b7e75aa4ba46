package cn.zwgk.assistant.wechat;

import java.util.Locale;

/**
 * One Official Account served by this deployment, as configured in {@code channel-config/accounts}.
 *
 * @param appId           the account's appId (the webhook path segment)
 * @param originalId      its original id ({@code gh_…}): every inbound message must carry it as
 *                        {@code ToUserName}
 * @param name            display name
 * @param token           the webhook token used for signatures
 * @param aesKey          the 43-character EncodingAESKey (blank: plain mode only)
 * @param secret          the AppSecret used to obtain access tokens
 * @param customerService whether the account may send customer-service (客服) messages
 * @param previousAesKey  the EncodingAESKey before the last change (blank: none); while WeChat
 *                        switches over, inbound messages sealed with it are still opened
 * @param mode            the message mode set for the account on WeChat's side; null derives it
 *                        from the key: safe with an EncodingAESKey, plain without
 * @param aiContentMark   customer-service messages with a generated answer carry WeChat's AI-content
 *                        mark ("内容由第三方AI生成"); quoted (extractive) answers never do
 * @param wechatCustomerServiceSystem the account uses WeChat's own customer-service system (客服系统):
 *                        a request for a person is handed over with a {@code transfer_customer_service} reply
 */
public record Account(String appId, String originalId, String name, String token, String aesKey,
                      String secret, boolean customerService, String previousAesKey, Mode mode,
                      boolean aiContentMark, boolean wechatCustomerServiceSystem) {

    /** WeChat's 消息加解密方式: 明文模式, 兼容模式, 安全模式. */
    public enum Mode {
        /** Plaintext only; an encrypted message is refused. */
        PLAIN,
        /** Both, as during a switch to safe mode: a downgrade to plaintext is possible, so only for a while. */
        COMPATIBLE,
        /** Encrypted only; a plaintext message is refused. */
        SAFE;

        /** {@code plain}, {@code compatible} or {@code safe}, any case; blank or null derives the mode from the key. */
        public static Mode of(String configured, boolean hasAesKey) {
            if (configured == null || configured.isBlank()) {
                return hasAesKey ? SAFE : PLAIN;
            }
            try {
                return valueOf(configured.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode must be plain, compatible or safe, not '" + configured + "'");
            }
        }
    }

    public Account {
        boolean keyed = aesKey != null && !aesKey.isBlank();
        mode = mode == null ? Mode.of(null, keyed) : mode;
        if (mode != Mode.PLAIN && !keyed) {
            throw new IllegalArgumentException("account " + appId + ": mode " + mode.name().toLowerCase(Locale.ROOT)
                    + " needs an aesKey (EncodingAESKey)");
        }
    }

    public Account(String appId, String originalId, String name, String token, String aesKey, String secret,
                   boolean customerService, String previousAesKey, Mode mode) {
        this(appId, originalId, name, token, aesKey, secret, customerService, previousAesKey, mode, false, false);
    }

    public Account(String appId, String originalId, String name, String token, String aesKey, String secret,
                   boolean customerService, String previousAesKey) {
        this(appId, originalId, name, token, aesKey, secret, customerService, previousAesKey, null);
    }

    public Account(String appId, String originalId, String name, String token, String aesKey, String secret,
                   boolean customerService) {
        this(appId, originalId, name, token, aesKey, secret, customerService, null, null);
    }

    public boolean hasPreviousAesKey() {
        return previousAesKey != null && !previousAesKey.isBlank();
    }

    public boolean hasAesKey() {
        return aesKey != null && !aesKey.isBlank();
    }

    public boolean acceptsPlaintext() {
        return mode != Mode.SAFE;
    }

    public boolean acceptsEncrypted() {
        return mode != Mode.PLAIN;
    }

    @Override
    public String toString() {
        return "Account[appId=" + appId + ", originalId=" + originalId + ", name=" + name + ", mode=" + mode + "]";
    }
}
