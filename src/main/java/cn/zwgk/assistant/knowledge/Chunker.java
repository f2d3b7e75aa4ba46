package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structure-aware chunking: follows the headings (一、 / （一） / 1. / 第X条 …), keeps each chunk's
 * heading path with it, keeps paragraphs and short lists whole and cuts long paragraphs at sentence
 * ends. Sizes suit bge-small-zh (512 tokens; a Chinese character is about one token).
 */
final class Chunker {

    /** A piece of a document: its heading path ("二、工作任务 > （一）…") and its text. */
    record Piece(String section, String text) {
    }

    static final int TARGET = 320;
    static final int MAX = 480;

    private static final Pattern[] LEVELS = {
        Pattern.compile("^第[一二三四五六七八九十百零〇\\d]+[章编]"),
        Pattern.compile("^[一二三四五六七八九十百]+\\s*[、.．]"),
        Pattern.compile("^[（(]\\s*[一二三四五六七八九十百]+\\s*[）)]"),
        Pattern.compile("^第[一二三四五六七八九十百零〇\\d]+条"),
        Pattern.compile("^\\d{1,2}\\s*[、.．](?!\\d)"),
        Pattern.compile("^[（(]\\s*\\d{1,2}\\s*[）)]"),
    };
    private static final Pattern INLINE_HEADING = Pattern.compile(
            "\\s+(?=([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+条))");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])");

    private Chunker() {
    }

    static List<Piece> chunk(String body) {
        List<Piece> out = new ArrayList<>();
        String[] path = new String[LEVELS.length];
        StringBuilder current = new StringBuilder();
        String currentSection = "";
        boolean hasBody = false;
        for (String rawLine : body.split("\n")) {
            for (String line : INLINE_HEADING.split(rawLine.strip())) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int level = level(line);
                boolean listItem = level >= 0 && level != 0 && level != 3 && line.length() <= 60 && line.matches(".*[；;。，,：:、]$");
                if (listItem) {
                    level = -1;
                }
                if (level >= 0) {
                    path[level] = headingLabel(line);
                    for (int i = level + 1; i < path.length; i++) {
                        path[i] = null;
                    }
                }
                String section = section(path);
                boolean newTopic = level >= 0 && level <= 3;
                boolean headingOnly = level >= 0 && isHeadingOnly(line);
                if (current.length() > 0 && (hasBody && newTopic && !section.equals(currentSection)
                        || current.length() + line.length() > MAX
                        || hasBody && current.length() >= TARGET && !section.equals(currentSection))) {
                    flush(out, currentSection, current);
                    hasBody = false;
                }
                if (!hasBody) {
                    currentSection = section;
                }
                hasBody |= !headingOnly;
                if (line.length() > MAX) {
                    splitLong(out, currentSection, line, current);
                } else {
                    if (current.length() > 0) {
                        current.append('\n');
                    }
                    current.append(line);
                }
            }
        }
        flush(out, currentSection, current);
        return out;
    }

    private static void splitLong(List<Piece> out, String section, String line, StringBuilder current) {
        flush(out, section, current);
        for (String sentence : SENTENCE_END.split(line)) {
            if (current.length() > 0 && current.length() + sentence.length() > TARGET) {
                flush(out, section, current);
            }
            if (sentence.length() > MAX) {
                for (int i = 0; i < sentence.length(); i += TARGET) {
                    current.append(sentence, i, Math.min(sentence.length(), i + TARGET));
                    flush(out, section, current);
                }
            } else {
                current.append(sentence);
            }
        }
    }

    private static void flush(List<Piece> out, String section, StringBuilder current) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            out.add(new Piece(section, text));
        }
        current.setLength(0);
    }

    static int level(String line) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].matcher(line).find()) {
                return i;
            }
        }
        return -1;
    }

    /** A heading on a line of its own (short, no sentence in it). */
    private static boolean isHeadingOnly(String line) {
        return line.length() <= 40 && !line.substring(0, line.length() - 1).contains("。");
    }

    /** The heading's own words: the whole line when short, else its lead sentence. */
    private static String headingLabel(String line) {
        Matcher m = Pattern.compile("^[^。；:：]{1,40}").matcher(line);
        String label = m.find() ? m.group() : line.substring(0, Math.min(40, line.length()));
        return label.endsWith("。") ? label.substring(0, label.length() - 1) : label;
    }

    private static String section(String[] path) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < path.length; i++) {
            if (path[i] != null) {
                if (s.length() > 0) {
                    s.append(" > ");
                }
                s.append(path[i]);
            }
        }
        return s.toString();
    }
}
