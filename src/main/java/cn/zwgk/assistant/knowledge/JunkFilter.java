package cn.zwgk.assistant.knowledge;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the page furniture that scraping leaves in published documents: share buttons, page
 * counters, "read more" links, uploader lines, copyright and licence lines, previous/next links,
 * accessibility and font-size toolbars. The document's own text is kept as it is.
 */
final class JunkFilter {

    private static final List<Pattern> JUNK_LINES = List.of(
            Pattern.compile("^收藏\\s*分享.*"),
            Pattern.compile(".*第\\s*\\d+\\s*页\\s*[/／]\\s*共\\s*\\d+\\s*页.*"),
            Pattern.compile(".*_第\\d+页$"),
            Pattern.compile(".*展开阅读全文.*"),
            Pattern.compile("^(上传人|上传者|文档编号|上传时间)[:：].*"),
            Pattern.compile(".*(文档编号|上传时间)[:：].*(格式|页数|大小)[:：].*"),
            Pattern.compile("^下载\\s*(相关)?\\s*(举报)?$"),
            Pattern.compile("(?i).*(copyright|©|版权所有|ICP备|ICP证|经营许可证|网安备|公网安备).*"),
            Pattern.compile("^[-·•\\s]*(上一篇|下一篇|上一条|下一条)[:：].*"),
            Pattern.compile(".*(无障碍浏览|适老化模式|长者模式).*"),
            Pattern.compile(".*该文档总共\\d+页.*"),
            Pattern.compile("^(资源描述|相关资源|猜你喜欢|相关搜索|相关推荐|热门推荐|分享到|扫一扫.*|打印本页|关闭窗口|返回顶部|【?关闭】?)$"),
            Pattern.compile("^当前位置[:：].*"),
            Pattern.compile("^导语[:：].*(网友上传|本站观点|原创文章).*"),
            Pattern.compile("^内容总结\\s*[（(]\\d+[)）].*"),
            Pattern.compile("^[|｜xX×\\s]*$"),
            Pattern.compile("^(字号|字体)[:：]?\\s*[【\\[]?\\s*[大中小]?.*(打印|保存|关闭).*$"));

    private static final List<Pattern> JUNK_SPANS = List.of(
            Pattern.compile("[（(]更多精彩[^)）]{0,30}[)）]"),
            Pattern.compile("(字号|字体)[:：]?\\s*(【[^】]*】\\s*)+"),
            Pattern.compile("【\\s*(打印|保存|关闭|大|中|小)\\s*】"),
            Pattern.compile("\\s*[|｜]\\s*(无障碍浏览|打开适老化模式)"));

    private JunkFilter() {
    }

    static boolean isJunk(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return false;
        }
        for (Pattern p : JUNK_LINES) {
            if (p.matcher(t).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The line without inline furniture (toolbars inside a header line, "more articles" ads). */
    static String cleanSpans(String line) {
        String out = line;
        for (Pattern p : JUNK_SPANS) {
            out = p.matcher(out).replaceAll("");
        }
        return out;
    }
}
