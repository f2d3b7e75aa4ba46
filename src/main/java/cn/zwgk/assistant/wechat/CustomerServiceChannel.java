package cn.zwgk.assistant.wechat;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.notification.DeliveryException;
import cn.zwgk.assistant.notification.OutboundChannel;
import cn.zwgk.assistant.notification.OutboundMessage;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.enums.WxMpApiUrl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

/**
 * Sends customer-service (客服) text messages through WxJava; used only by the outbox relay. A message
 * of the AI-marked kind ({@link AiMarkedCustomerServiceChannel}) carries WeChat's AI-content mark,
 * {@code "aimsgcontext":{"is_ai_msg":1}}, which WxJava's message type does not know yet.
 */
@Component
class CustomerServiceChannel implements OutboundChannel {

    /** Errors that no retry will fix: out of window, user refused, not subscribed, content too long. */
    private static final java.util.Set<Integer> PERMANENT = java.util.Set.of(45015, 45047, 43004, 45002, 40003);

    private final WechatClients clients;
    private final UserChannelState users;

    CustomerServiceChannel(WechatClients clients, UserChannelState users) {
        this.clients = clients;
        this.users = users;
    }

    @Override
    public String name() {
        return OutboundMessage.CUSTOMER_SERVICE;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        send(message, false);
    }

    void send(OutboundMessage message, boolean aiMarked) throws DeliveryException {
        if (!users.subscribed(message.account(), message.recipient())) {
            throw DeliveryException.permanent("user has unsubscribed");
        }
        if (!users.takeWindowSlot(message.account(), message.recipient())) {
            throw DeliveryException.permanent("outside the customer-service window (5 messages in 48 h)");
        }
        boolean sent = false;
        try {
            WxMpKefuMessage text = WxMpKefuMessage.TEXT().toUser(message.recipient()).content(message.payload()).build();
            if (aiMarked) {
                JsonObject body = JsonParser.parseString(text.toJson()).getAsJsonObject();
                JsonObject mark = new JsonObject();
                mark.addProperty("is_ai_msg", 1);
                body.add("aimsgcontext", mark);
                clients.service(message.account()).post(WxMpApiUrl.Kefu.MESSAGE_CUSTOM_SEND, body);
            } else {
                clients.service(message.account()).getKefuService().sendKefuMessage(text);
            }
            sent = true;
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (PERMANENT.contains(code)) {
                throw DeliveryException.permanent("WeChat refused: " + code + " " + e.getError().getErrorMsg());
            }
            throw DeliveryException.retry("WeChat API error " + code, e);
        } catch (RuntimeException e) {
            throw DeliveryException.retry("WeChat API unreachable or busy: " + e.getMessage(), e);
        } finally {
            if (!sent) {
                // WeChat counts only messages it accepted against the window
                users.releaseWindowSlot(message.account(), message.recipient());
            }
        }
    }
}
