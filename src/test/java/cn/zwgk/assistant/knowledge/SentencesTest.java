package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void headingsAndListLabelsAreMarkedAndNeverStandAlone() {
        List<Sentences.Unit> units = Sentences.split("（七）收费。本机关提供政府信息不收取费用。申请公开的数量明显超过合理范围的，可以收取信息处理费。");
        assertThat(units).extracting(Sentences.Unit::text).containsExactly("（七）收费。", "本机关提供政府信息不收取费用。",
                "申请公开的数量明显超过合理范围的，可以收取信息处理费。");
        assertThat(units).extracting(Sentences.Unit::heading).containsExactly(true, false, false);
        assertThat(Sentences.split("(二)主动发声回应关切\n对涉及的重大舆情，要主动发声。").get(0).heading()).isTrue();
    }

    @Test
    void scrapedListItemsSeparatedBySpacesAreUnitsAndTheirLabelsHeadings() {
        List<Sentences.Unit> units = Sentences.split("办事结果。 乡政府公开的内容。 党政领导职务、职责权限。 方案生育情况。");
        assertThat(units.get(1)).isEqualTo(new Sentences.Unit("乡政府公开的内容。", true));
        assertThat(units.get(2).heading()).isFalse();
    }

    @Test
    void aParenthesisAfterAnItemBelongsToIt() {
        List<Sentences.Unit> units = Sentences.split("17、编制收费清单,全面公开收费标准。(区物价局牵头,2016年12月底前完成)");
        assertThat(units).hasSize(1);
        assertThat(units.get(0).text()).endsWith("(区物价局牵头,2016年12月底前完成)");
    }

    @Test
    void aNumberedItemRunOnAfterTheParenthesisOfThePreviousOneIsAUnitOfItsOwn() {
        List<Sentences.Unit> units = Sentences.split(
                "25、要适应网络发展特点,采取图文和视频方式进行解读。(区级各部门落实)26、落实新闻发布的有关规定,遇有重大突发事件时,区政府主要负责人要带头发声。");
        assertThat(units).extracting(Sentences.Unit::text).containsExactly("25、要适应网络发展特点,采取图文和视频方式进行解读。(区级各部门落实)",
                "26、落实新闻发布的有关规定,遇有重大突发事件时,区政府主要负责人要带头发声。");
        assertThat(Sentences.split("依照《条例》（2019年修订）2、3项办理。")).hasSize(1);
    }

    @Test
    void statementsAreNotHeadings() {
        assertThat(Sentences.split("能够当场答复的，当场予以答复。").get(0).heading()).isFalse();
        assertThat(Sentences.split("（五）不能当场答复的，自收到申请之日起20个工作日内予以答复。").get(0).heading()).isFalse();
    }

    @Test
    void sentenceVectorsSurviveTheEightBitRoundTrip() {
        float[] v = new float[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.37);
        }
        float[][] back = SentenceVectors.decode(SentenceVectors.encode(List.of(v, v)));
        assertThat(back).hasNumberOfRows(2);
        assertThat(Embedder.cosine(v, back[1])).isGreaterThan(0.999f);
        assertThat(SentenceVectors.decode(null)).isEmpty();
    }
}
