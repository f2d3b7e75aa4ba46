package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PaginatorTest {

    private static final String SUFFIX = "回复\"更多\"继续";
    private static final int LIMIT = 600;

    @Test
    void shortTextIsOnePageWithoutSuffix() {
        assertThat(Paginator.paginate("依申请公开一般在20个工作日内答复。", LIMIT, SUFFIX))
                .containsExactly("依申请公开一般在20个工作日内答复。");
    }

    @Test
    void textOfExactlyTheLimitIsOnePage() {
        String text = "政".repeat(LIMIT);
        assertThat(Paginator.paginate(text, LIMIT, SUFFIX)).containsExactly(text);
    }

    @Test
    void everyPageFitsTheLimitSuffixIncludedAndNothingIsLost() {
        String sentence = "根据《中华人民共和国政府信息公开条例》第三十三条，行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。";
        String text = sentence.repeat(60);
        List<String> pages = Paginator.paginate(text, LIMIT, SUFFIX);
        assertThat(pages).hasSizeGreaterThan(3);
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(codePoints(page)).isLessThanOrEqualTo(LIMIT);
            if (i < pages.size() - 1) {
                assertThat(page).endsWith("\n" + SUFFIX);
            } else {
                assertThat(page).doesNotContain(SUFFIX);
            }
        }
        assertThat(joined(pages)).isEqualTo(text);
    }

    @Test
    void pagesBreakAtPunctuationWhenThereIsSome() {
        String sentence = "第一条规定了公开的范围和方式。";
        List<String> pages = Paginator.paginate(sentence.repeat(80), LIMIT, SUFFIX);
        assertThat(pages.get(0).substring(0, pages.get(0).length() - SUFFIX.length() - 1)).endsWith("。");
    }

    @Test
    void textWithoutAnyBreakIsCutHard() {
        String text = "字".repeat(1500);
        List<String> pages = Paginator.paginate(text, LIMIT, SUFFIX);
        assertThat(pages).allSatisfy(p -> assertThat(codePoints(p)).isLessThanOrEqualTo(LIMIT));
        assertThat(joined(pages)).isEqualTo(text);
    }

    @Test
    void emojiAreNeverSplitAndCountAsOneCharacter() {
        String text = "😀".repeat(1500);
        List<String> pages = Paginator.paginate(text, LIMIT, SUFFIX);
        assertThat(pages).hasSizeGreaterThan(2);
        for (String page : pages) {
            assertThat(codePoints(page)).isLessThanOrEqualTo(LIMIT);
            assertThat(wellFormed(page)).as("no lone surrogate in %s", page.substring(0, 4)).isTrue();
        }
        // 600 code points, not 600 UTF-16 units: a page carries more than 300 emoji.
        assertThat(pages.get(0).codePoints().filter(cp -> cp == 0x1F600).count()).isGreaterThan(300);
        assertThat(joined(pages)).isEqualTo(text);
    }

    @Test
    void emojiAroundTheCutPointInMixedTextAreKept() {
        for (int shift = 0; shift < 4; shift++) {
            String text = "a".repeat(shift) + "政务😀公开👍".repeat(400);
            List<String> pages = Paginator.paginate(text, LIMIT, SUFFIX);
            for (String page : pages) {
                assertThat(codePoints(page)).isLessThanOrEqualTo(LIMIT);
                assertThat(wellFormed(page)).isTrue();
            }
            assertThat(joined(pages)).isEqualTo(text);
        }
    }

    @Test
    void markdownIsStripped() {
        String md = """
                # 申请须知

                **重要**：请携带*身份证明*，详见[办事指南](https://example.gov.cn/guide)。
                - 第一项
                * 第二项
                使用 `代码` 不会出现。
                """;
        String plain = Paginator.stripMarkdown(md);
        assertThat(plain).doesNotContain("#").doesNotContain("**").doesNotContain("*").doesNotContain("`")
                .doesNotContain("](");
        assertThat(plain).startsWith("申请须知")
                .contains("重要：请携带身份证明")
                .contains("办事指南 https://example.gov.cn/guide")
                .contains("· 第一项")
                .contains("· 第二项")
                .contains("使用 代码 不会出现");
    }

    @Test
    void blankLinesCollapse() {
        assertThat(Paginator.stripMarkdown("甲\n\n\n\n乙")).isEqualTo("甲\n\n乙");
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The pages without their suffixes, joined: the original text up to whitespace at the cuts. */
    private static String joined(List<String> pages) {
        StringBuilder sb = new StringBuilder();
        for (String page : pages) {
            sb.append(page.endsWith("\n" + SUFFIX) ? page.substring(0, page.length() - SUFFIX.length() - 1) : page);
        }
        return sb.toString();
    }
}
