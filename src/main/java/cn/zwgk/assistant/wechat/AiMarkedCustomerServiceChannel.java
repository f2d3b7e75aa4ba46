package cn.zwgk.assistant.wechat;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.notification.DeliveryException;
import cn.zwgk.assistant.notification.OutboundChannel;
import cn.zwgk.assistant.notification.OutboundMessage;

/**
 * Customer-service messages whose text a language model wrote, sent with WeChat's AI-content mark
 * ("内容由第三方AI生成"). A channel of its own, so that the mark is kept in the outbox row and survives
 * a restart between enqueueing and sending.
 */
@Component
class AiMarkedCustomerServiceChannel implements OutboundChannel {

    private final CustomerServiceChannel customerService;

    AiMarkedCustomerServiceChannel(CustomerServiceChannel customerService) {
        this.customerService = customerService;
    }

    @Override
    public String name() {
        return OutboundMessage.CUSTOMER_SERVICE_AI;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        customerService.send(message, true);
    }
}
