package cn.zwgk.assistant.wechat;

import java.time.Clock;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Reply;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * Builds the passive reply XML with WxJava, sealed with {@link MessageCrypto} when the request was
 * encrypted (the same implementation that opened it). WxJava writes the text
 * into a CDATA section as it is, so the text is made safe for that first: characters XML forbids
 * are dropped and {@code ]]>} is split across two sections, so that no answer (one quoting a
 * user's words, say) can end the section early and rewrite the reply.
 */
@Component
class ReplyEncoder {

    private final Clock clock;

    ReplyEncoder(Clock clock) {
        this.clock = clock;
    }

    String encode(Account account, InboundMessage to, String text, boolean encrypt) {
        WxMpXmlOutMessage out = Reply.TRANSFER_TO_CUSTOMER_SERVICE.equals(text)
                ? WxMpXmlOutMessage.TRANSFER_CUSTOMER_SERVICE().fromUser(account.originalId()).toUser(to.openid()).build()
                : WxMpXmlOutMessage.TEXT()
                .content(cdataSafe(text))
                .fromUser(account.originalId())
                .toUser(to.openid())
                .build();
        String xml = out.toXml();
        return encrypt ? MessageCrypto.seal(account, xml, clock.instant().getEpochSecond()) : xml;
    }

    static String cdataSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
            if (!forbidden) {
                safe.append(c);
            }
        }
        return safe.toString().replace("]]>", "]]]]><![CDATA[>");
    }
}
