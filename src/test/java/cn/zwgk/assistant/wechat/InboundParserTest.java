package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.InboundMessage.Kind;

class InboundParserTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Account ACCOUNT = new Account("wxapp", "gh_app", "测试", "token", null, "secret", true);

    @Test
    void textMessageIsKeyedByItsMsgId() {
        InboundMessage m = InboundParser.parse(ACCOUNT, fields("text", "Content", "依申请公开多久答复？",
                "MsgId", "24563423"), CLOCK);
        assertThat(m.kind()).isEqualTo(Kind.TEXT);
        assertThat(m.text()).isEqualTo("依申请公开多久答复？");
        assertThat(m.appId()).isEqualTo("wxapp");
        assertThat(m.openid()).isEqualTo("oUser");
        assertThat(m.messageKey()).isEqualTo("24563423");
        assertThat(m.createdAt()).isEqualTo(Instant.ofEpochSecond(1714037059));
    }

    @Test
    void msgIdIsTrimmed() {
        assertThat(InboundParser.parse(ACCOUNT, fields("text", "Content", "x", "MsgId", " 42 "), CLOCK).messageKey())
                .isEqualTo("42");
    }

    @Test
    void messagesWithoutMsgIdAreKeyedBySenderTimeAndContent() {
        InboundMessage a = InboundParser.parse(ACCOUNT, fields("text", "Content", "甲"), CLOCK);
        InboundMessage again = InboundParser.parse(ACCOUNT, fields("text", "Content", "甲"), CLOCK);
        InboundMessage other = InboundParser.parse(ACCOUNT, fields("text", "Content", "乙"), CLOCK);
        assertThat(a.messageKey()).isEqualTo(again.messageKey()).isNotEqualTo(other.messageKey());
    }

    @Test
    void eventsAreKeyedBySenderCreateTimeEventAndKey() {
        InboundMessage click = InboundParser.parse(ACCOUNT, fields("event", "Event", "CLICK", "EventKey", "POLICY_QA"), CLOCK);
        assertThat(click.kind()).isEqualTo(Kind.EVENT);
        assertThat(click.event()).isEqualTo("click");
        assertThat(click.eventKey()).isEqualTo("POLICY_QA");
        assertThat(click.isEvent("CLICK")).isTrue();
        assertThat(click.messageKey()).contains("oUser").contains("1714037059").contains("click").contains("POLICY_QA");

        InboundMessage retry = InboundParser.parse(ACCOUNT, fields("event", "Event", "CLICK", "EventKey", "POLICY_QA"), CLOCK);
        InboundMessage otherKey = InboundParser.parse(ACCOUNT, fields("event", "Event", "CLICK",
                "EventKey", "PROGRESS_QUERY"), CLOCK);
        InboundMessage otherEvent = InboundParser.parse(ACCOUNT, fields("event", "Event", "VIEW",
                "EventKey", "POLICY_QA"), CLOCK);
        Map<String, String> later = fields("event", "Event", "CLICK", "EventKey", "POLICY_QA");
        later.put("CreateTime", "1714037060");
        assertThat(retry.messageKey()).isEqualTo(click.messageKey());
        assertThat(otherKey.messageKey()).isNotEqualTo(click.messageKey());
        assertThat(otherEvent.messageKey()).isNotEqualTo(click.messageKey());
        assertThat(InboundParser.parse(ACCOUNT, later, CLOCK).messageKey()).isNotEqualTo(click.messageKey());
    }

    @Test
    void eventKeysCannotCollideWithMessageKeys() {
        InboundMessage event = InboundParser.parse(ACCOUNT, fields("event", "Event", "subscribe"), CLOCK);
        InboundMessage text = InboundParser.parse(ACCOUNT, fields("text", "Content", "subscribe"), CLOCK);
        assertThat(event.messageKey()).isNotEqualTo(text.messageKey());
        assertThat(event.isEvent("subscribe")).isTrue();
        assertThat(event.text()).isNull();
    }

    @Test
    void voiceWithRecognitionIsText() {
        InboundMessage m = InboundParser.parse(ACCOUNT, fields("voice", "MediaId", "m1", "Format", "amr",
                "Recognition", "查询进度", "MsgId", "77"), CLOCK);
        assertThat(m.kind()).isEqualTo(Kind.TEXT);
        assertThat(m.text()).isEqualTo("查询进度");
        assertThat(m.messageKey()).isEqualTo("77");
    }

    @Test
    void voiceWithoutOrWithBlankRecognitionIsUnsupported() {
        assertThat(InboundParser.parse(ACCOUNT, fields("voice", "MediaId", "m1", "MsgId", "78"), CLOCK).kind())
                .isEqualTo(Kind.UNSUPPORTED);
        assertThat(InboundParser.parse(ACCOUNT, fields("voice", "Recognition", " ", "MsgId", "79"), CLOCK).kind())
                .isEqualTo(Kind.UNSUPPORTED);
    }

    @Test
    void imageAndUnknownTypesAreUnsupported() {
        InboundMessage image = InboundParser.parse(ACCOUNT, fields("image", "PicUrl", "http://x", "MsgId", "80"), CLOCK);
        InboundMessage future = InboundParser.parse(ACCOUNT, fields("hologram", "MsgId", "81"), CLOCK);
        assertThat(image.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(future.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(future.messageKey()).isEqualTo("81");
    }

    @Test
    void messageTypeIsCaseInsensitive() {
        assertThat(InboundParser.parse(ACCOUNT, fields("TEXT", "Content", "你好", "MsgId", "82"), CLOCK).kind())
                .isEqualTo(Kind.TEXT);
    }

    @Test
    void missingSenderOrTypeOrBadCreateTimeIsABadMessage() {
        Map<String, String> noSender = fields("text", "Content", "x");
        noSender.remove("FromUserName");
        Map<String, String> noType = fields("text", "Content", "x");
        noType.remove("MsgType");
        Map<String, String> badTime = fields("text", "Content", "x");
        badTime.put("CreateTime", "yesterday");
        assertThatThrownBy(() -> InboundParser.parse(ACCOUNT, noSender, CLOCK)).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> InboundParser.parse(ACCOUNT, noType, CLOCK)).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> InboundParser.parse(ACCOUNT, badTime, CLOCK)).isInstanceOf(BadMessageException.class);
    }

    private static Map<String, String> fields(String type, String... pairs) {
        Map<String, String> f = new HashMap<>();
        f.put("ToUserName", "gh_app");
        f.put("FromUserName", "oUser");
        f.put("CreateTime", "1714037059");
        f.put("MsgType", type);
        for (int i = 0; i < pairs.length; i += 2) {
            f.put(pairs[i], pairs[i + 1]);
        }
        return f;
    }
}
