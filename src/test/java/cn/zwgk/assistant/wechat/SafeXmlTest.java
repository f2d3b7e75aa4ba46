package cn.zwgk.assistant.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    @Test
    void readsTheDirectChildrenOfTheRootWithCdataUnwrapped() {
        Map<String, String> fields = SafeXml.parse("""
                <xml><ToUserName><![CDATA[gh_1]]></ToUserName>
                <FromUserName><![CDATA[oUser]]></FromUserName>
                <CreateTime>1714037059</CreateTime>
                <MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[a <b> & "c" ]]]]><![CDATA[> d]]></Content>
                <MsgId>24563423</MsgId></xml>""");
        assertThat(fields).containsEntry("ToUserName", "gh_1")
                .containsEntry("FromUserName", "oUser")
                .containsEntry("CreateTime", "1714037059")
                .containsEntry("MsgType", "text")
                .containsEntry("Content", "a <b> & \"c\" ]]> d")
                .containsEntry("MsgId", "24563423");
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreDecoded() {
        assertThat(SafeXml.parse("<xml><Content>a &lt;b&gt; &amp; &#x4E2D;&#25991;</Content></xml>"))
                .containsEntry("Content", "a <b> & 中文");
    }

    @Test
    void fourByteEmojiAreKept() {
        String emoji = "😀👍🏛🀄 𠮷野家";
        assertThat(SafeXml.parse("<xml><Content><![CDATA[" + emoji + "]]></Content></xml>"))
                .containsEntry("Content", emoji);
        assertThat(SafeXml.parse("<xml><Content>" + emoji + "</Content></xml>")).containsEntry("Content", emoji);
    }

    @Test
    void tabsAndLineBreaksAreKept() {
        assertThat(SafeXml.parse("<xml><Content><![CDATA[第一行\n\t第二行\n]]></Content></xml>"))
                .containsEntry("Content", "第一行\n\t第二行\n");
    }

    @Test
    void controlCharactersThatXmlForbidsAreKeptInsteadOfFailingTheMessage() {
        String text = "a\u0001b\u0008c\u001Fd\u000Be";
        assertThat(SafeXml.parse("<xml><MsgType>text</MsgType><Content><![CDATA[" + text + "]]></Content></xml>"))
                .containsEntry("Content", text)
                .containsEntry("MsgType", "text");
        assertThat(SafeXml.parse("<xml><Content>" + text + "</Content></xml>")).containsEntry("Content", text);
    }

    @Test
    void nestedElementsDoNotLeakIntoTheTopLevelFields() {
        Map<String, String> fields = SafeXml.parse(
                "<xml><MsgType>event</MsgType><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>");
        assertThat(fields).containsEntry("MsgType", "event").doesNotContainKey("ScanType");
    }

    @Test
    void doctypeIsRefused() {
        assertThatThrownBy(() -> SafeXml.parse("<!DOCTYPE xml><xml><Content>x</Content></xml>"))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void externalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Content>&xxe;</Content></xml>";
        assertThatThrownBy(() -> SafeXml.parse(xxe)).isInstanceOf(BadMessageException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("TOP-SECRET"));
    }

    @Test
    void parameterEntityIsRefused(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leaked \"LEAKED\">");
        String xml = "<!DOCTYPE xml [<!ENTITY % ext SYSTEM \"" + dtd.toUri() + "\"> %ext;]>"
                + "<xml><Content>&leaked;</Content></xml>";
        assertThatThrownBy(() -> SafeXml.parse(xml)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertThatThrownBy(() -> SafeXml.parse(dtd + "<xml><Content>&lol9;</Content></xml>"))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void undeclaredEntityIsRefused() {
        assertThatThrownBy(() -> SafeXml.parse("<xml><Content>&nbsp;</Content></xml>"))
                .isInstanceOf(BadMessageException.class);
    }

    @Test
    void malformedXmlIsRefused() {
        assertThatThrownBy(() -> SafeXml.parse("<xml><Content>unclosed</xml>")).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SafeXml.parse("not xml")).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SafeXml.parse("<xml><a></xml>")).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SafeXml.parse("<xml></xml><xml></xml>")).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SafeXml.parse("")).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SafeXml.parse(null)).isInstanceOf(BadMessageException.class);
    }
}
