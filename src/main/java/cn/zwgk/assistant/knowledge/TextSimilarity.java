package cn.zwgk.assistant.knowledge;

import org.springframework.stereotype.Component;

/**
 * Meaning-level similarity of short texts (bge-small-zh, in-process), for other modules that group
 * or match citizen questions. Texts are normalised like retrieval questions (Traditional →
 * Simplified), so the vector of a question the knowledge base has just answered is reused.
 */
@Component
public class TextSimilarity {

    private final Embedder embedder;

    TextSimilarity(Embedder embedder) {
        this.embedder = embedder;
    }

    /** A unit-length vector for the text (empty text → zero vector). */
    public float[] vector(String text) {
        String q = ScriptConverter.forMatching(text == null ? "" : text).strip();
        if (q.isEmpty()) {
            return new float[Embedder.DIMENSIONS];
        }
        return embedder.query(q);
    }

    /** Cosine similarity of two vectors from {@link #vector}. */
    public static double cosine(float[] a, float[] b) {
        return Embedder.cosine(a, b);
    }

    /** The text in Simplified script with whitespace removed, for keyword matching. */
    public static String normalise(String text) {
        return ScriptConverter.forMatching(text == null ? "" : text).replaceAll("\\s+", "");
    }

    /** The text in the script of the question: Traditional for a Traditional question, else Simplified. */
    public static String inScriptOf(String question, String text) {
        return ScriptConverter.inScriptOf(question, text);
    }
}
