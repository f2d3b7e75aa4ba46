package cn.zwgk.assistant.wechat;

/**
 * A signed message the webhook will not take (403): plaintext for a safe-mode account, a wrong
 * {@code msg_signature}, another account's {@code ToUserName}, a query string already used with
 * another body. {@code metric} tags {@code wechat.refused}.
 */
class RefusedMessageException extends RuntimeException {

    private final String metric;

    RefusedMessageException(String metric, String reason) {
        super(reason);
        this.metric = metric;
    }

    String metric() {
        return metric;
    }
}
