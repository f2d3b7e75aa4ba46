package cn.zwgk.assistant.knowledge;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

/**
 * Traditional → Simplified conversion (ICU4J), applied to both documents and questions so a
 * question in one script finds text written in the other.
 */
final class ScriptConverter {

    private static final ThreadLocal<Transliterator> T2S =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    /**
     * Every character the conversion may change: text with none of them is already Simplified and is
     * returned as it is. Most questions and passages are, and transliterating them was a quarter of the
     * time of composing an answer (docs/benchmarks-knowledge.md).
     */
    private static final UnicodeSet TRADITIONAL = changeable(T2S.get());

    private static final RecentCache<String, String> CONVERTED = new RecentCache<>(8192);

    private static final ThreadLocal<Transliterator> S2T =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private ScriptConverter() {
    }

    /**
     * Every character that some rule changes: those that change on their own, and those a rule changes
     * only in a sequence ("深沈" → "深沉", where "沈" alone stays). Text without any of them is left as
     * it is by every rule. Where a rule is not of the plain "sequence > sequence;" form, every character
     * the transliterator declares it may touch.
     */
    static UnicodeSet changeable(Transliterator t) {
        UnicodeSet out = new UnicodeSet();
        for (String c : t.getSourceSet()) {
            if (!t.transliterate(c).equals(c)) {
                out.add(c);
            }
        }
        java.util.regex.Matcher rule = java.util.regex.Pattern
                .compile("((?:\\\\u[0-9A-Fa-f]{4})+) > ((?:\\\\u[0-9A-Fa-f]{4})*);").matcher("");
        for (String line : t.toRules(true).split("\n")) {
            String r = line.strip();
            if (r.isEmpty() || r.startsWith("::") || r.startsWith("#")) {
                continue;
            }
            if (!rule.reset(r).matches()) {
                return t.getSourceSet().freeze();
            }
            String from = com.ibm.icu.impl.Utility.unescape(rule.group(1));
            String to = com.ibm.icu.impl.Utility.unescape(rule.group(2));
            if (from.length() != to.length()) {
                out.addAll(from);
                continue;
            }
            for (int i = 0; i < from.length(); i++) {
                if (from.charAt(i) != to.charAt(i)) {
                    out.add(from.charAt(i));
                }
            }
        }
        return out.freeze();
    }

    /** The text in Simplified script, otherwise unchanged (same punctuation, same spacing). */
    static String toSimplified(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        if (TRADITIONAL.span(text, UnicodeSet.SpanCondition.NOT_CONTAINED) == text.length()) {
            return text;
        }
        // the sentences of retrieved passages are converted again for every question that retrieves them
        return text.length() <= 1000 ? CONVERTED.computeIfAbsent(text, t -> T2S.get().transliterate(t))
                : T2S.get().transliterate(text);
    }

    /** Simplified script, compatibility forms folded (full-width digits, letters, brackets): for matching only. */
    static String forMatching(String text) {
        return Normalizer.normalize(toSimplified(text), Normalizer.Form.NFKC);
    }

    /** Simplified and without any whitespace: how eval hits and faithfulness checks compare text. */
    static String compact(String text) {
        return forMatching(text).replaceAll("\\s+", "");
    }

    /** True when the text has characters that Simplified script writes differently. */
    static boolean isTraditional(String text) {
        return text != null && !toSimplified(text).equals(text);
    }

    /** The text in the script of {@code question}: Traditional for a Traditional question, else Simplified. */
    static String inScriptOf(String question, String text) {
        return isTraditional(question) ? S2T.get().transliterate(text) : toSimplified(text);
    }
}
