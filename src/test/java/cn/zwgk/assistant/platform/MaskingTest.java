package cn.zwgk.assistant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one masker: every kind of personal data the dialog collects, in free text too. */
class MaskingTest {

    @Test
    void fieldsHaveTheirMaskedForms() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("*");
        assertThat(Masking.email("zhaoliu@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.address("北京市东城区正义路2号院3号楼")).isEqualTo("北京市东城区****");
    }

    @Test
    void scrubMasksEveryKindInFreeText() {
        String masked = Masking.scrub("我叫赵六，身份证11010519491231002x，手机138 0013 8000，座机010-12345678，"
                + "邮箱zhao.liu@example.com，地址北京市东城区正义路2号院3号楼 谢谢");
        assertThat(masked).doesNotContain("赵六", "11010519491231002x", "0013", "12345678", "zhao.liu", "正义路");
        assertThat(masked).contains("我叫赵*", "110***********002x", "138****8000", "010-****5678", "z***@example.com");
    }

    @Test
    void scrubKeepsOrdinaryPolicyText() {
        String text = "不能当场答复的，自收到申请之日起20个工作日内予以答复；受理编号 YSQ-2026-000123，2026-11-02 收到。"
                + "请通过政府网站等渠道申请，申请人类型：公民。";
        assertThat(Masking.scrub(text)).isEqualTo(text);
    }

    @Test
    void scrubTakesWrittenVariantsOfNumbers() {
        assertThat(Masking.scrub("+86 13800138000")).isEqualTo("138****8000");
        assertThat(Masking.scrub("电话：138-0013-8000。")).isEqualTo("电话：138****8000。");
        assertThat(Masking.scrub("13800138000@163.com")).isEqualTo("1***@163.com");
        assertThat(Masking.scrub("寄到幸福小区5栋2单元301室")).doesNotContain("幸福小区5栋");
        assertThat(Masking.scrub("联系人：李四")).isEqualTo("联系人：李*");
    }
}
