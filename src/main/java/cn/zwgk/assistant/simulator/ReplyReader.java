package cn.zwgk.assistant.simulator;

import java.util.Map;

import cn.zwgk.assistant.wechat.Account;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.XmlUtils;

/** Reads a webhook's answer as WeChat does: {@code success}, empty, or a (possibly encrypted) reply XML. */
final class ReplyReader {

    private ReplyReader() {
    }

    static Reading read(Account account, String openid, String body) {
        String trimmed = body == null ? "" : body.trim();
        if (trimmed.isEmpty() || trimmed.equals("success")) {
            return new Reading(null, null, null);
        }
        try {
            Map<String, Object> fields = XmlUtils.xml2Map(trimmed);
            String xml = trimmed;
            if (fields.containsKey("Encrypt")) {
                xml = WechatSigning.decryptReply(account, string(fields, "MsgSignature"), string(fields, "TimeStamp"),
                        string(fields, "Nonce"), trimmed);
                fields = XmlUtils.xml2Map(xml);
            }
            return interpret(openid, xml, fields);
        } catch (WxRuntimeException | IllegalArgumentException e) {
            return new Reading(null, null, "unreadable reply: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Reading(null, null, "unreadable reply: " + e);
        }
    }

    private static Reading interpret(String openid, String xml, Map<String, Object> fields) {
        String to = string(fields, "ToUserName");
        if (!openid.equals(to)) {
            return new Reading(null, xml, "reply addressed to " + to + " instead of " + openid);
        }
        String type = string(fields, "MsgType");
        if (!"text".equals(type)) {
            return new Reading("[" + type + "]", xml, null);
        }
        String content = string(fields, "Content");
        if (content == null || content.isEmpty()) {
            return new Reading(null, xml, "text reply with empty Content (WeChat treats it as no answer)");
        }
        return new Reading(content, xml, null);
    }

    private static String string(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value instanceof String s ? s : null;
    }

    /** The reply text (null for none), the plain reply XML, and an error. */
    record Reading(String reply, String replyXml, String error) {
    }
}
