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
}
