package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A passage cut into the units an answer can quote: sentences, list items and headings. The cut is
 * deterministic, so the sentence vectors stored at import line up with the units cut at answer time.
 */
final class Sentences {

    /** One unit of a passage, as published. A heading or a list label is never quoted on its own. */
    record Unit(String text, boolean heading) {
    }

    /**
     * After a sentence end; and before a numbered item that follows a parenthesis after a sentence end
     * on the same line ("…进行解读。(区级各部门落实)26、落实新闻发布…": scraped pages run numbered items together).
     */
    private static final Pattern END = Pattern.compile(
            "(?<=[。！？；!?;])|(?<=[。；;][（(][^（()）]{1,60}[）)])(?=\\d{1,2}\\s*、)");
    private static final Pattern MARKER = Pattern.compile(
            "^(?:第[一二三四五六七八九十百零〇\\d]+[章节条款]|[一二三四五六七八九十百]+\\s*[、.．]"
            + "|[（(]\\s*[一二三四五六七八九十百\\d]+\\s*[）)]|\\d{1,2}\\s*[、.．](?!\\d)|[一二三四五六七八九十]是)\\s*");
    /** A parenthesis after a sentence, not a list marker: "(区级各部门落实)". */
    private static final Pattern AFTERWORD = Pattern.compile("^[（(][^）)]{4,60}[）)][。；;]?$");
    private static final Pattern SENTENCE_PUNCT = Pattern.compile("[，,。；;！？!?]");
    /** The longest label, without its list marker, that still reads as a heading rather than a statement. */
    private static final int LABEL_CHARS = 14;

    private Sentences() {
    }

    static List<Unit> split(String passage) {
        List<Unit> out = new ArrayList<>();
        if (passage == null) {
            return out;
        }
        for (String line : passage.split("\n")) {
            String[] parts = END.split(line.strip());
            for (int i = 0; i < parts.length; i++) {
                String s = parts[i].strip();
                // scraped pages keep list items on one line, separated by spaces: a space opens an item too
                boolean opensLine = i == 0 || !parts[i].isEmpty() && Character.isWhitespace(parts[i].charAt(0));
                if (s.length() < 2) {
                    continue;
                }
                if (AFTERWORD.matcher(s).matches() && !out.isEmpty() && !out.get(out.size() - 1).heading()) {
                    // "(区物价局牵头,2016年12月底前完成)" after an item says who does it and when: it belongs to it
                    Unit last = out.remove(out.size() - 1);
                    out.add(new Unit(last.text() + s, false));
                } else {
                    out.add(new Unit(s, isHeading(s, opensLine, parts.length == 1)));
                }
            }
        }
        return out;
    }

    /** The unit texts, in order: what is embedded at import. */
    static List<String> texts(String passage) {
        return split(passage).stream().map(Unit::text).toList();
    }

    /** The unit without its list marker ("（七）收费。" → "收费。"). */
    static String withoutMarker(String unit) {
        return MARKER.matcher(unit).replaceFirst("");
    }

    static boolean startsWithMarker(String unit) {
        return MARKER.matcher(unit).lookingAt();
    }

    /**
     * A heading or a list label: a short unit that opens its line and states nothing — "（七）收费。",
     * "(二)主动发声回应关切", "乡政府公开的内容。", "一、指导思想".
     */
    static boolean isHeading(String unit, boolean opensLine, boolean wholeLine) {
        String body = withoutMarker(unit).strip();
        String core = body.replaceAll("[。：:；;]$", "");
        if (core.isEmpty()) {
            return true;
        }
        boolean marked = body.length() < unit.length();
        boolean plain = !SENTENCE_PUNCT.matcher(core).find();
        if (unit.endsWith("：") || unit.endsWith(":")) {
            return core.length() <= LABEL_CHARS && opensLine;
        }
        if (marked && plain && core.length() <= LABEL_CHARS + 6 && opensLine) {
            return true;
        }
        // an unmarked line of its own with no sentence in it, or a short label ending a line
        return plain && opensLine && core.length() <= LABEL_CHARS && (wholeLine || !unit.endsWith("。") || core.length() <= 8);
    }
}
