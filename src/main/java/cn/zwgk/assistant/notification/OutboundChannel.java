package cn.zwgk.assistant.notification;

/** A way out of the system (WeChat customer-service messages, template messages, WeCom robots). */
public interface OutboundChannel {

    /** The channel name used in {@link OutboundMessage#channel()}. */
    String name();

    /**
     * Sends the message or throws {@link DeliveryException}; a permanent failure is not retried.
     */
    void send(OutboundMessage message) throws DeliveryException;
}
