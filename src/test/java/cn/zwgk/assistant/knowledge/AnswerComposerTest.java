package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnswerComposerTest {

    @Test
    void aSourceLineNamesItsSectionByNumberAndShortTitle() {
        assertThat(SectionLabel.label("（七）收费。")).isEqualTo("（七）收费");
        assertThat(SectionLabel.label("（七）收费。本机关提供政府信息不收取费用。")).isEqualTo("（七）收费");
        assertThat(SectionLabel.label("三、监督和救济")).isEqualTo("三、监督和救济");
        assertThat(SectionLabel.label("第七条")).isEqualTo("第七条");
    }

    @Test
    void aHeadingThatRunsOnIntoASentenceIsNamedByItsNumberOnly() {
        assertThat(SectionLabel.label("第三条 解读材料应当在政策文件公开后3个工作日内，在市政府门户网站和政务新媒体发"))
                .isEqualTo("第三条");
        assertThat(SectionLabel.label("本机关的机构职能、规范性文件、规划计划、财政预决算等信息依法主动公开")).isNull();
        assertThat(SectionLabel.label("工作要求")).isEqualTo("工作要求");
    }

    @Test
    void aLabelIsNeverTheWholeFirstLineTheContentThatFollowsItIs() {
        String text = "乡政府对本机关干部职工公开的内容。党政领导干部履行工作职责及廉洁自律情况。机关内部的财务收支情况。";
        SearchHit hit = new SearchHit(1, 1, "某乡政务公开实施方案", null, null, null, "CURRENT", null, text, 1, 0.6f);
        Retriever.Evidence passage = new Retriever.Evidence(hit, new float[0][]);
        List<Sentences.Unit> units = Sentences.split(text);
        SentenceScorer.Candidate label = new SentenceScorer.Candidate(passage, 0, 0, units.get(0).text(), null, 0.6, 1,
                false, false, 1);

        AnswerComposer.Composition c = AnswerComposer.compose(List.of(label), QuestionKind.RULE);

        assertThat(c.lines().get(0).text()).startsWith("乡政府对本机关干部职工公开的内容。")
                .contains("党政领导干部履行工作职责及廉洁自律情况。");
    }

    @Test
    void aListAnswerStartsAtItsLeadInAndItsSectionIsTheTitledOne() {
        String text = "三、公开范围\n行政机关对符合下列基本要求之一的政府信息,应当主动公开:\n(一)涉及公民、法人或者其他组织切身利益的;\n"
                + "(二)需要社会公众广泛知晓或者参与的;\n(三)反映本行政机关机构设置、职能、办事程序等情况的;\n"
                + "(四)其他依照法律、法规和国家有关规定应当主动公开的。\n行政机关应当在各自职责范围内确定主动公开的政府信息的具体内容。";
        SearchHit hit = new SearchHit(1, 1, "政府信息公开制度", null, null, null, "CURRENT", "三、公开范围", text, 1, 0.7f);
        List<Sentences.Unit> units = Sentences.split(text);
        int last = units.size() - 1;
        SentenceScorer.Candidate best = new SentenceScorer.Candidate(new Retriever.Evidence(hit, new float[0][]), 0, last,
                units.get(last).text(), "(二)需要社会公众广泛知晓或者参与的;", 0.7, 1, true, false, 1);

        AnswerComposer.Composition c = AnswerComposer.compose(List.of(best), QuestionKind.LIST);

        assertThat(c.lines().get(0).text()).startsWith("行政机关对符合下列基本要求之一的政府信息")
                .contains("(一)涉及公民", "(四)其他依照法律");
        assertThat(c.sections()).containsExactly("三、公开范围");
    }
}
