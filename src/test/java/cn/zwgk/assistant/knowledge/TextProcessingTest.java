package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TextProcessingTest {

    @Test
    void textWithoutTraditionalCharactersIsReturnedAsItIsAndEverythingElseIsTransliterated() throws Exception {
        com.ibm.icu.text.Transliterator full = com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified");
        java.util.List<String> texts = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/kb/samples"))) {
            for (java.nio.file.Path p : files.toList()) {
                texts.addAll(List.of(java.nio.file.Files.readString(p).split("\n")));
            }
        }
        texts.addAll(List.of("显著的变化", "依申请公开要多久？答复期限是15个工作日", "申请人于10日内補正", "乾隆", "深沈的思考", "于飛"));
        int converted = 0;
        for (String text : texts) {
            String simplified = ScriptConverter.toSimplified(text);
            assertThat(simplified).as(text).isEqualTo(full.transliterate(text));
            converted += simplified.equals(text) ? 0 : 1;
        }
        assertThat(converted).as("the mixed lines above are converted").isGreaterThanOrEqualTo(4);
        // every rule's own text, where the sequence rules ("深沈" → "深沉") would be missed by a per-character check
        java.util.regex.Matcher rule = java.util.regex.Pattern.compile("((?:\\\\u[0-9A-Fa-f]{4})+) > .*").matcher("");
        int rules = 0;
        for (String line : full.toRules(true).split("\n")) {
            if (rule.reset(line.strip()).matches()) {
                String from = com.ibm.icu.impl.Utility.unescape(rule.group(1));
                assertThat(ScriptConverter.toSimplified("的" + from + "的")).as(from).isEqualTo(full.transliterate("的" + from + "的"));
                rules++;
            }
        }
        assertThat(rules).isGreaterThan(1000);
    }

    @Test
    void traditionalScriptIsConvertedToSimplified() {
        assertThat(ScriptConverter.toSimplified("依申請公開要多久？解讀材料幾天內發佈？")).isEqualTo("依申请公开要多久？解读材料几天内发布？");
        assertThat(ScriptConverter.toSimplified("政府信息公開條例")).isEqualTo("政府信息公开条例");
        assertThat(RetrievalEval.compact("園區 政務 公開")).isEqualTo("园区政务公开");
    }

    @Test
    void chunksKeepTheirHeadingPathAndStaySmall() {
        StringBuilder body = new StringBuilder("一、总体要求\n（一）工作目标\n");
        body.append("目标段落。".repeat(20)).append('\n');
        body.append("二、主要任务\n（一）健全制度\n1.健全发布审核制度。").append("审核内容。".repeat(150)).append('\n');
        body.append("（二）公开范围\n下列信息应当公开：\n（一）机构职能；\n（二）办事指南；\n（三）收费标准。\n");
        List<Chunker.Piece> pieces = Chunker.chunk(body.toString());
        assertThat(pieces).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(Chunker.MAX));
        assertThat(pieces.get(0).section()).isEqualTo("一、总体要求 > （一）工作目标");
        assertThat(pieces.get(0).text()).startsWith("一、总体要求\n（一）工作目标\n目标段落。");
        assertThat(pieces).filteredOn(p -> p.text().contains("审核内容")).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.section()).startsWith("二、主要任务 > （一）健全制度 > 1.健全发布审核制度"));
        Chunker.Piece list = pieces.get(pieces.size() - 1);
        assertThat(list.section()).isEqualTo("二、主要任务 > （二）公开范围");
        assertThat(list.text()).contains("（一）机构职能；\n（二）办事指南；\n（三）收费标准。");
    }

    @Test
    void followUpsAreCompletedFromThePreviousQuestion() {
        Optional<String> previous = Optional.of("依申请公开多久答复？");
        assertThat(FollowUps.complete("那延期呢？", previous)).isEqualTo("依申请公开多久答复？ 延期");
        assertThat(FollowUps.complete("那延期呢？", Optional.empty())).isEqualTo("那延期呢？");
        assertThat(FollowUps.complete("解读材料几天内发布？", previous)).isEqualTo("解读材料几天内发布？");
        // a follow-up with its own question words keeps them and takes the topic only
        assertThat(FollowUps.complete("那要交钱吗", previous)).isEqualTo("依申请公开 答复 要交钱吗");
        // nothing but a pointer back: the previous question again
        assertThat(FollowUps.complete("这个呢", previous)).isEqualTo("依申请公开多久答复？");
    }

    @Test
    void faithfulnessRejectsNumbersTheSourcesDoNotHave() {
        SearchHit source = new SearchHit(1, 1, "指南", null, null, null, "CURRENT", "二、依申请公开",
                "不能当场答复的，自收到申请之日起20个工作日内予以答复；延长的期限最长不超过20个工作日。", 1, 0.8);
        assertThat(FaithfulnessCheck.faithful("不能当场答复的，20个工作日内答复[1]。", List.of(source))).isTrue();
        assertThat(FaithfulnessCheck.faithful("一般15个工作日内答复[1]。", List.of(source))).isFalse();
        assertThat(FaithfulnessCheck.faithful("20个工作日内答复。", List.of(source))).as("no citation").isFalse();
        assertThat(FaithfulnessCheck.faithful("20个工作日内答复[2]。", List.of(source))).as("no such passage").isFalse();
        assertThat(FaithfulnessCheck.faithful("最长不超过二十个工作日[1]。", List.of(source))).isFalse();
    }
}
