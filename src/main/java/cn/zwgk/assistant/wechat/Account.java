package cn.zwgk.assistant.wechat;

/**
 * One Official Account served by this deployment, as configured in {@code channel-config/accounts}.
 *
 * @param appId           the account's appId (the webhook path segment)
 * @param originalId      its original id ({@code gh_…}), the ToUserName of inbound messages
 * @param name            display name
 * @param token           the webhook token used for signatures
 * @param aesKey          the 43-character EncodingAESKey (blank: plain mode only)
 * @param secret          the AppSecret used to obtain access tokens
 * @param customerService whether the account may send customer-service (客服) messages
 * @param previousAesKey  the EncodingAESKey before the last change (blank: none); while WeChat
 *                        switches over, inbound messages sealed with it are still opened
 */
public record Account(String appId, String originalId, String name, String token, String aesKey,
                      String secret, boolean customerService, String previousAesKey) {

    public Account(String appId, String originalId, String name, String token, String aesKey, String secret,
                   boolean customerService) {
        this(appId, originalId, name, token, aesKey, secret, customerService, null);
    }

    public boolean hasPreviousAesKey() {
        return previousAesKey != null && !previousAesKey.isBlank();
    }

    public boolean hasAesKey() {
        return aesKey != null && !aesKey.isBlank();
    }

    @Override
    public String toString() {
        return "Account[appId=" + appId + ", originalId=" + originalId + ", name=" + name + "]";
    }
}
