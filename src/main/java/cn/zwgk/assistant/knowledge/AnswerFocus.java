package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zwgk.assistant.platform.Masking;

/**
 * What a factual question is about, read from its grammar: the noun before "是什么 / 是多少 / 是谁"
 * ("网址是什么" → 网址) and the measure word after "几 / 多少 / 哪" ("几次" → 次, "哪条街" → 街). A
 * sentence that lacks them states some other fact, however close its meaning: it cannot be the answer.
 */
final class AnswerFocus {

    private static final Pattern NOUN_BEFORE = Pattern.compile("(\\p{IsHan}{2})(?:是什么|是多少|是哪|是谁|叫什么)");
    /** A count ("几次", "多少宗"; not "哪几条", which asks for a list) or a place ("哪条街", "几楼"). */
    private static final Pattern MEASURE_AFTER = Pattern.compile(
            "(?<!哪)(几|多少)([次宗件条楼层号名项篇元届批期页份本张所户台辆座])|(哪)[条个]?([街路楼层号])");
    private static final String FUNCTION_CHARS = "的了吗呢吧啊是在有和与或就都也还要会能可请问我你您他她它这那个些";
    private static final String NUMERALS = "0123456789一二两三四五六七八九十百千万";

    /**
     * A named title ("《农林信息》"), or a long number the question asks to confirm ("热线是不是12345"): after
     * a copula, so that a number the citizen gives about themselves (a phone number) is not one.
     */
    private static final Pattern SPECIFIC = Pattern.compile("《([^》]{2,40})》|(?:是|为|叫|是不是)\\s*(\\d{5,})(?!\\d)");

    private final List<String> nouns = new ArrayList<>();
    private final List<String> measures = new ArrayList<>();
    private final List<Boolean> counted = new ArrayList<>();

    AnswerFocus(String question) {
        String q = ScriptConverter.forMatching(question == null ? "" : question);
        Matcher n = NOUN_BEFORE.matcher(q);
        while (n.find()) {
            String noun = n.group(1);
            if (noun.chars().noneMatch(c -> FUNCTION_CHARS.indexOf(c) >= 0)) {
                nouns.add(noun);
            }
        }
        Matcher m = MEASURE_AFTER.matcher(q);
        while (m.find()) {
            boolean count = m.group(1) != null;
            measures.add(count ? m.group(2) : m.group(4));
            counted.add(count);
        }
    }

    /**
     * The specific things the question names: titles in 《》 and numbers of five digits or more it asks
     * about (personal data masked first). A
     * knowledge base that never mentions one cannot answer a question about it, however close in
     * meaning its sentences are ("《农林信息》怎么订阅", "热线是不是12345"). Callers pass the clause that
     * asks: a name in the surrounding text (an injected "《官方通知》…") is not what is asked about.
     */
    static List<String> specifics(String question) {
        List<String> out = new ArrayList<>();
        Matcher m = SPECIFIC.matcher(ScriptConverter.forMatching(Masking.scrub(question == null ? "" : question)));
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).strip() : m.group(2));
        }
        return out;
    }

    boolean isEmpty() {
        return nouns.isEmpty() && measures.isEmpty();
    }

    /** Whether the text (a sentence and its heading) names the focus: the noun, and a number with the measure word. */
    boolean namedIn(String text) {
        String t = ScriptConverter.compact(text);
        for (String noun : nouns) {
            if (!t.contains(noun)) {
                return false;
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            if (!hasMeasure(t, measures.get(i), counted.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasMeasure(String text, String measure, boolean counted) {
        for (int at = text.indexOf(measure); at >= 0; at = text.indexOf(measure, at + 1)) {
            // "450余条", "20多项": a number, perhaps approximate, before the measure word
            int n = at > 0 && "余多".indexOf(text.charAt(at - 1)) >= 0 ? at - 1 : at;
            if (!counted || n > 0 && NUMERALS.indexOf(text.charAt(n - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
