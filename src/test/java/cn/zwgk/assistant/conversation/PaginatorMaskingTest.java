package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stripping markdown emphasis must not eat the asterisks of masked personal data. */
class PaginatorMaskingTest {

    @Test
    void maskedValuesKeepTheirAsterisks() {
        assertThat(Paginator.stripMarkdown("身份证号码：110***********002X\n手机 138****8000 和 139****9000"))
                .isEqualTo("身份证号码：110***********002X\n手机 138****8000 和 139****9000");
    }

    @Test
    void maskedNamesInAListKeepTheirAsterisks() {
        String noted = "已记录：法定代表人 王**、联系人 刘**、手机号码 138****8000。";
        assertThat(Paginator.stripMarkdown(noted)).isEqualTo(noted);
        assertThat(Paginator.stripMarkdown("姓名：欧***\n联系人：李*、张*")).isEqualTo("姓名：欧***\n联系人：李*、张*");
    }

    @Test
    void pairedEmphasisIsStillStripped() {
        assertThat(Paginator.stripMarkdown("这是**重点**和*强调*，`代码`")).isEqualTo("这是重点和强调，代码");
    }
}
