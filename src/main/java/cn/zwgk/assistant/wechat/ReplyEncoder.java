package cn.zwgk.assistant.wechat;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Builds the passive reply XML with WxJava, encrypted when the request was. */
@Component
class ReplyEncoder {

    private final WechatClients clients;

    ReplyEncoder(WechatClients clients) {
        this.clients = clients;
    }

    String encode(Account account, InboundMessage to, String text, boolean encrypt) {
        WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT()
                .content(text)
                .fromUser(account.originalId())
                .toUser(to.openid())
                .build();
        return encrypt ? out.toEncryptedXml(clients.service(account.appId()).getWxMpConfigStorage()) : out.toXml();
    }
}
