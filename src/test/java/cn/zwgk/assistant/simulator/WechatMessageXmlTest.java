package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.simulator.EmulatedMessage.Type;
import me.chanjar.weixin.common.util.XmlUtils;

class WechatMessageXmlTest {

    @Test
    void textMessageHasWechatsFields() {
        Map<String, Object> f = parse(WechatMessageXml.build("gh_x", EmulatedMessage.text("wx1", "oA", "你好"), 1700000000, 42));
        assertThat(f).containsEntry("ToUserName", "gh_x").containsEntry("FromUserName", "oA")
                .containsEntry("CreateTime", "1700000000").containsEntry("MsgType", "text")
                .containsEntry("Content", "你好").containsEntry("MsgId", "42");
    }

    @Test
    void textThatLooksLikeXmlStaysText() {
        String nasty = "a]]><MsgType>event</MsgType><![CDATA[\u0000b";
        Map<String, Object> f = parse(WechatMessageXml.build("gh_x", EmulatedMessage.text("wx1", "oA", nasty), 1, 2));
        assertThat(f).containsEntry("MsgType", "text")
                .containsEntry("Content", "a]]><MsgType>event</MsgType><![CDATA[b");
    }

    @Test
    void menuClickIsAnEventWithItsKeyAndNoMsgId() {
        Map<String, Object> f = parse(WechatMessageXml.build("gh_x",
                EmulatedMessage.event("wx1", "oA", Type.CLICK, "POLICY_QA"), 1, 2));
        assertThat(f).containsEntry("MsgType", "event").containsEntry("Event", "CLICK")
                .containsEntry("EventKey", "POLICY_QA").doesNotContainKey("MsgId");
    }

    @Test
    void subscribeAndUnsubscribeAreEvents() {
        assertThat(parse(WechatMessageXml.build("gh_x", EmulatedMessage.event("wx1", "oA", Type.SUBSCRIBE, null), 1, 2)))
                .containsEntry("Event", "subscribe");
        assertThat(parse(WechatMessageXml.build("gh_x", EmulatedMessage.event("wx1", "oA", Type.UNSUBSCRIBE, null), 1, 2)))
                .containsEntry("Event", "unsubscribe");
    }

    @Test
    void voiceCarriesTheRecognitionAndImageAPicture() {
        Map<String, Object> voice = parse(WechatMessageXml.build("gh_x",
                new EmulatedMessage("wx1", "oA", Type.VOICE, "查询进度", null, false), 1, 7));
        assertThat(voice).containsEntry("MsgType", "voice").containsEntry("Recognition", "查询进度")
                .containsEntry("Format", "amr").containsEntry("MsgId", "7");
        Map<String, Object> image = parse(WechatMessageXml.build("gh_x",
                new EmulatedMessage("wx1", "oA", Type.IMAGE, null, null, false), 1, 8));
        assertThat(image).containsEntry("MsgType", "image").containsKeys("PicUrl", "MediaId")
                .containsEntry("MsgId", "8");
    }

    private static Map<String, Object> parse(String xml) {
        return XmlUtils.xml2Map(xml);
    }
}
