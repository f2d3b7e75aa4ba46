package cn.zwgk.assistant.simulator;

/** The XML WeChat pushes to a webhook for each kind of user message or event. */
final class WechatMessageXml {

    private WechatMessageXml() {
    }

    static String build(String originalId, EmulatedMessage m, long createTime, long msgId) {
        StringBuilder xml = new StringBuilder("<xml>");
        element(xml, "ToUserName", originalId);
        element(xml, "FromUserName", m.openid());
        xml.append("<CreateTime>").append(createTime).append("</CreateTime>");
        switch (m.type()) {
            case TEXT -> {
                element(xml, "MsgType", "text");
                element(xml, "Content", m.text());
            }
            case VOICE -> {
                element(xml, "MsgType", "voice");
                element(xml, "MediaId", "sim_voice_" + msgId);
                element(xml, "Format", "amr");
                element(xml, "Recognition", m.text());
            }
            case IMAGE -> {
                element(xml, "MsgType", "image");
                element(xml, "PicUrl", "https://mmbiz.qpic.cn/simulator/" + msgId + "/0");
                element(xml, "MediaId", "sim_image_" + msgId);
            }
            case SUBSCRIBE -> event(xml, "subscribe", "");
            case UNSUBSCRIBE -> event(xml, "unsubscribe", "");
            case CLICK -> event(xml, "CLICK", m.eventKey());
        }
        if (!isEvent(m.type())) {
            xml.append("<MsgId>").append(msgId).append("</MsgId>");
        }
        return xml.append("</xml>").toString();
    }

    static boolean isEvent(EmulatedMessage.Type type) {
        return type == EmulatedMessage.Type.SUBSCRIBE || type == EmulatedMessage.Type.UNSUBSCRIBE
                || type == EmulatedMessage.Type.CLICK;
    }

    private static void event(StringBuilder xml, String event, String key) {
        element(xml, "MsgType", "event");
        element(xml, "Event", event);
        element(xml, "EventKey", key);
    }

    static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(cdata(value)).append("</").append(name).append('>');
    }

    /** A CDATA section that survives any text: {@code ]]>} is split, characters XML forbids are dropped. */
    static String cdata(String value) {
        String safe = value == null ? "" : value.codePoints()
                .filter(WechatMessageXml::allowedInXml)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "<![CDATA[" + safe.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
