package cn.zwgk.assistant.notification;

/**
 * One message to send through a channel, exactly once per {@code deliveryKey}.
 *
 * @param deliveryKey unique key; enqueueing the same key twice sends once
 * @param channel     which {@link OutboundChannel} sends it
 * @param account     the sending account (appId) where the channel has several
 * @param recipient   openid, webhook name, …
 * @param payload     the text or a channel-specific JSON document
 */
public record OutboundMessage(String deliveryKey, String channel, String account, String recipient, String payload) {

    public static final String CUSTOMER_SERVICE = "WECHAT_CUSTOMER_SERVICE";
    /** A customer-service message with WeChat's AI-content mark: its text was written by a language model. */
    public static final String CUSTOMER_SERVICE_AI = "WECHAT_CUSTOMER_SERVICE_AI";

    public static OutboundMessage customerService(String deliveryKey, String appId, String openid, String text) {
        return new OutboundMessage(deliveryKey, CUSTOMER_SERVICE, appId, openid, text);
    }

    public static OutboundMessage aiMarkedCustomerService(String deliveryKey, String appId, String openid, String text) {
        return new OutboundMessage(deliveryKey, CUSTOMER_SERVICE_AI, appId, openid, text);
    }
}
