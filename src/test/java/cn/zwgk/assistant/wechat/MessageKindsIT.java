package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;

/** What the bot answers to each kind of message, long answers and unusual characters included. */
class MessageKindsIT extends ChannelIntegrationTest {

    private static final int PAGE = 600;

    @Autowired
    Texts texts;

    @Test
    void unknownMessageTypeGetsThePoliteTextOnlyAnswer() {
        WechatTestClient city = city();
        String xml = city.messageXml(newOpenid("unk"), "hologram", Map.of("Payload", "???"), WechatTestClient.nextMsgId());
        assertThat(content(city.postPlain(xml))).isEqualTo(texts.get("conversation.text-only"));
    }

    @Test
    void imageGetsThePoliteTextOnlyAnswer() {
        WechatTestClient city = city();
        String xml = city.messageXml(newOpenid("img"), "image",
                Map.of("PicUrl", "http://mmbiz.qpic.cn/x.jpg", "MediaId", "media-1"), WechatTestClient.nextMsgId());
        assertThat(content(city.postPlain(xml))).isEqualTo(texts.get("conversation.text-only"));
    }

    @Test
    void voiceWithRecognitionIsAnsweredLikeText() {
        WechatTestClient city = city();
        String xml = city.messageXml(newOpenid("voice"), "voice",
                Map.of("MediaId", "media-2", "Format", "amr", "Recognition", "帮助"), WechatTestClient.nextMsgId());
        assertThat(content(city.postPlain(xml))).isEqualTo(texts.get("conversation.help"));
    }

    @Test
    void voiceWithoutRecognitionGetsTheTextOnlyAnswer() {
        WechatTestClient city = city();
        String xml = city.messageXml(newOpenid("voice"), "voice", Map.of("MediaId", "media-3", "Format", "amr"),
                WechatTestClient.nextMsgId());
        assertThat(content(city.postPlain(xml))).isEqualTo(texts.get("conversation.text-only"));
    }

    @Test
    void tenThousandCharacterAnswerIsPagedAndMoreBringsEveryPage() {
        WechatTestClient city = city();
        String openid = newOpenid("long");
        StringBuilder long10k = new StringBuilder();
        for (int i = 0; long10k.length() < 10_000; i++) {
            long10k.append("第").append(i).append("条：政府信息公开申请应当包括申请人的姓名或者名称、身份证明、联系方式。");
        }
        String payload = long10k.substring(0, 10_000);
        String id = "long-" + WechatTestClient.nextMsgId();

        List<String> pages = new ArrayList<>();
        String page = content(city.postPlain(city.textXml(openid, ScriptedHandler.echo(id, payload),
                WechatTestClient.nextMsgId())));
        String suffix = texts.get("conversation.more-suffix");
        while (page.endsWith(suffix)) {
            pages.add(page);
            assertThat(pages).hasSizeLessThan(40);
            page = content(city.postPlain(city.textXml(openid, "更多", WechatTestClient.nextMsgId())));
        }
        pages.add(page);

        assertThat(pages).hasSizeGreaterThanOrEqualTo(17);
        assertThat(pages).allSatisfy(p -> assertThat(p.codePointCount(0, p.length())).isLessThanOrEqualTo(PAGE));
        StringBuilder joined = new StringBuilder();
        for (String p : pages) {
            joined.append(p.endsWith(suffix) ? p.substring(0, p.length() - suffix.length()).stripTrailing() : p);
        }
        assertThat(joined.toString()).isEqualTo(payload);
        assertThat(content(city.postPlain(city.textXml(openid, "更多", WechatTestClient.nextMsgId()))))
                .isEqualTo(texts.get("conversation.no-more"));
        assertThat(ScriptedHandler.invocations(id)).isEqualTo(1);
    }

    @Test
    void tenThousandCharacterQuestionGetsAnAnswerThatFitsOnePage() {
        WechatTestClient city = city();
        String question = "请问".repeat(5_000);
        String answer = content(city.postPlain(city.textXml(newOpenid("q10k"), question, WechatTestClient.nextMsgId())));
        assertThat(answer).isNotBlank();
        assertThat(answer.codePointCount(0, answer.length())).isLessThanOrEqualTo(PAGE);
    }

    @Test
    void fourByteEmojiSurviveTheRoundTrip() {
        WechatTestClient city = city();
        String emoji = "你好😀👍🏛🀄𠮷";
        String id = "emoji-" + WechatTestClient.nextMsgId();
        String plain = content(city.postPlain(city.textXml(newOpenid("emoji"), ScriptedHandler.echo(id, emoji),
                WechatTestClient.nextMsgId())));
        assertThat(plain).isEqualTo(emoji);

        String id2 = "emoji-aes-" + WechatTestClient.nextMsgId();
        HttpResponse<String> aes = city.postAes(city.textXml(newOpenid("emoji"), ScriptedHandler.echo(id2, emoji),
                WechatTestClient.nextMsgId()));
        assertThat(WechatTestClient.extract(city.decryptReply(aes.body()), "Content")).isEqualTo(emoji);
    }

    @Test
    void emojiOnlyMessageIsAnswered() {
        WechatTestClient city = city();
        assertThat(content(city.postPlain(city.textXml(newOpenid("emo"), "😀😀", WechatTestClient.nextMsgId()))))
                .isEqualTo(texts.get("conversation.greeting"));
    }

    @Test
    void controlCharactersInAMessageDoNotBreakIt() {
        WechatTestClient city = city();
        String id = "ctrl-" + WechatTestClient.nextMsgId();
        HttpResponse<String> response = city.postPlain(city.textXml(newOpenid("ctrl"),
                ScriptedHandler.script(id, false) + "\u0001\u0008", WechatTestClient.nextMsgId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(content(response)).isEqualTo(ScriptedHandler.answer(id, 1));
    }

    private static String content(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String content = WechatTestClient.extract(response.body(), "Content");
        assertThat(content).as("reply to %s", response.body()).isNotNull();
        return content;
    }
}
