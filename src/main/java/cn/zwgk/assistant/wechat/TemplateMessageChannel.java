package cn.zwgk.assistant.wechat;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.notification.DeliveryException;
import cn.zwgk.assistant.notification.OutboundChannel;
import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.StaffAlert;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import tools.jackson.databind.json.JsonMapper;

/** WeChat template messages for staff notices; used only by the outbox relay. */
@Component
class TemplateMessageChannel implements OutboundChannel {

    static final String NAME = "WECHAT_TEMPLATE";
    /** Errors no retry fixes: invalid openid, invalid template, invalid field, user refused, unsubscribed. */
    private static final Set<Integer> PERMANENT = Set.of(40003, 40037, 47003, 43101, 43004);

    private final WechatClients clients;
    private final AccountRegistry accounts;
    private final TemplateConfig templates;
    private final JsonMapper json;

    TemplateMessageChannel(WechatClients clients, AccountRegistry accounts, TemplateConfig templates, JsonMapper json) {
        this.clients = clients;
        this.accounts = accounts;
        this.templates = templates;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        tools.jackson.databind.JsonNode payload = json.readTree(message.payload());
        StaffAlert alert = json.treeToValue(payload, StaffAlert.class);
        TemplateConfig.Template chosen;
        try {
            chosen = templates.template(payload.path("template").asString(""));
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent(e.getMessage());
        }
        String appId = message.account() != null ? message.account()
                : templates.account().isBlank() ? accounts.defaultAccount().appId() : templates.account();
        WxMpTemplateMessage template = WxMpTemplateMessage.builder()
                .toUser(message.recipient())
                .templateId(chosen.id())
                .url(alert.url())
                .clientMsgId(clientMsgId(message.deliveryKey()))
                .build();
        chosen.values(alert).forEach((name, value) -> template.addData(new WxMpTemplateData(name, value)));
        try {
            clients.service(appId).getTemplateMsgService().sendTemplateMsg(template);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (PERMANENT.contains(code)) {
                throw DeliveryException.permanent("WeChat refused the template message: " + code);
            }
            throw DeliveryException.retry("WeChat API error " + code, e);
        } catch (RuntimeException e) {
            throw DeliveryException.retry("WeChat API unreachable: " + e.getMessage(), e);
        }
    }

    /** WeChat drops a repeated client_msg_id for 10 minutes: a second guard against duplicates. */
    private static String clientMsgId(String deliveryKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(deliveryKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
