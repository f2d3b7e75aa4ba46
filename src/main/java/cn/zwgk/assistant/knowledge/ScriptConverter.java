package cn.zwgk.assistant.knowledge;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional → Simplified conversion (ICU4J), applied to both documents and questions so a
 * question in one script finds text written in the other.
 */
final class ScriptConverter {

    private static final ThreadLocal<Transliterator> T2S =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private static final ThreadLocal<Transliterator> S2T =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private ScriptConverter() {
    }

    /** The text in Simplified script, otherwise unchanged (same punctuation, same spacing). */
    static String toSimplified(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return T2S.get().transliterate(text);
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
