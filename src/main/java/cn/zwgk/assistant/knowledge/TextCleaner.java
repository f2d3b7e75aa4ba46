package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns extracted text into a {@link ParsedDocument}: drops page junk, reads the header block
 * (索引号, 发布机构, 发布日期 …) into metadata, finds the title and keeps the rest as the body.
 */
final class TextCleaner {

    private static final String[] LABELS = {"索引号", "发布机构", "发文机关", "公开目录", "发布日期", "发表时间", "发布时间",
        "成文日期", "文号", "发文字号", "主题词", "主题分类", "来源", "信息来源", "时间", "浏览量", "浏览次数", "字号", "访问量"};
    private static final Pattern LABEL = Pattern.compile(
            "(?<![\\p{IsHan}])(" + String.join("|", sortedByLength()) + ")\\s*[:：]?\\s*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})");
    private static final Pattern FILE_EXT = Pattern.compile("(?i)\\s*\\.(docx?|pdf|txt|html?|wps)$");
    private static final int HEADER_LINES = 12;

    private TextCleaner() {
    }

    static ParsedDocument clean(String source, String rawText, String titleHint) {
        List<String> lines = new ArrayList<>();
        for (String line : rawText.replace("\r", "").replace('\u00a0', ' ').split("\n")) {
            if (JunkFilter.isJunk(line)) {
                continue;
            }
            String cleaned = JunkFilter.cleanSpans(line).strip();
            if (!cleaned.isEmpty() && !JunkFilter.isJunk(cleaned)) {
                lines.add(cleaned);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i < HEADER_LINES && line.length() < 200 && readHeader(line, fields)) {
                continue;
            }
            body.add(line);
        }
        String title = titleHint == null || titleHint.isBlank() ? null : titleHint.strip();
        if (title == null) {
            title = findTitle(body);
        }
        if (title != null && !body.isEmpty() && body.get(0).equals(title)) {
            body.remove(0);
        }
        if (title == null) {
            title = source.replaceAll(".*[/\\\\]", "");
        }
        title = FILE_EXT.matcher(title.strip()).replaceAll("").strip();
        DocumentMetadata meta = new DocumentMetadata(title, fields.get("索引号"),
                first(fields, "发布机构", "发文机关"), date(first(fields, "发布日期", "发表时间", "发布时间", "成文日期", "时间")),
                first(fields, "文号", "发文字号"), first(fields, "主题词", "主题分类"), fields.get("公开目录"),
                first(fields, "来源", "信息来源"));
        return new ParsedDocument(source, meta, String.join("\n", body));
    }

    /** Reads "label value label value …" from a header line; true when the line was a header line. */
    private static boolean readHeader(String line, Map<String, String> fields) {
        Matcher m = LABEL.matcher(line);
        List<int[]> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end(), m.start(1), m.end(1)});
        }
        if (hits.isEmpty() || hits.get(0)[0] > 0) {
            return hits.size() >= 2 && line.substring(0, hits.get(0)[0]).length() <= 2 && storeAll(line, hits, fields);
        }
        int[] h = hits.get(0);
        boolean separated = hits.size() >= 2 || h[1] >= line.length()
                || h[3] < line.length() && ":：".indexOf(line.charAt(h[3])) >= 0
                || line.length() <= 60 && h[3] < line.length() && Character.isWhitespace(line.charAt(h[3]));
        return separated && storeAll(line, hits, fields);
    }

    private static boolean storeAll(String line, List<int[]> hits, Map<String, String> fields) {
        for (int i = 0; i < hits.size(); i++) {
            int[] h = hits.get(i);
            int end = i + 1 < hits.size() ? hits.get(i + 1)[0] : line.length();
            String label = line.substring(h[2], h[3]);
            String value = line.substring(Math.min(h[1], end), end).strip();
            if (!value.isEmpty()) {
                fields.putIfAbsent(label, value);
            }
        }
        return true;
    }

    private static String findTitle(List<String> body) {
        for (int i = 0; i < Math.min(5, body.size()); i++) {
            String line = body.get(i);
            if (line.length() >= 4 && line.length() <= 80 && !line.endsWith("。") && !line.endsWith("：")
                    && !line.matches("^[（(]?[一二三四五六七八九十\\d]+[、.．)）].*")) {
                return line;
            }
        }
        return null;
    }

    private static String first(Map<String, String> fields, String... labels) {
        for (String label : labels) {
            String v = fields.get(label);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** yyyy-MM-dd when the value holds a date; the value as written otherwise. */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DATE.matcher(value);
        if (m.find()) {
            return String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        return value;
    }

    private static List<String> sortedByLength() {
        List<String> labels = new ArrayList<>(List.of(LABELS));
        labels.sort((a, b) -> b.length() - a.length());
        return labels;
    }
}
