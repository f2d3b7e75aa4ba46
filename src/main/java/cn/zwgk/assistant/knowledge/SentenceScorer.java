package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores every sentence of the retrieved passages as an answer to the question: by meaning (its bge
 * vector against the question's), by the question's words it contains (weighted by how rare they are
 * in the knowledge base), by whether it has the shape of the fact asked for ({@link QuestionKind}),
 * and by how well its passage matched. A heading is never a candidate: it lends its words and meaning
 * to the sentences under it.
 */
final class SentenceScorer {

    /**
     * How much each signal counts in the ranking; the meaning of the sentence counts 1. Whether the best
     * sentence addresses the question at all weighs meaning and shared words ({@code groundingWords}), and
     * whether it states the value asked for ("多久" → a time limit; {@code groundingValue}).
     * Chosen on the dev sets (docs/knowledge.md).
     */
    record Weights(double words, double shape, double passage, double exception, double groundingWords,
            double groundingValue) {
        static final Weights DEFAULT = new Weights(0.35, 0.04, 0.35, 0.25, 0.5, 0.03);
    }

    /** One sentence that could answer, with its heading (or null) and how well it addresses the question. */
    record Candidate(Retriever.Evidence passage, int rank, int unit, String text, String heading, double meaning,
            double words, boolean shaped, boolean exception, double score) {
    }

    private SentenceScorer() {
    }

    /** The share of the question's words (by weight) that the text contains. */
    static double coverage(String text, Map<String, Double> words) {
        String matchable = ScriptConverter.compact(text);
        double total = 0;
        double shared = 0;
        for (Map.Entry<String, Double> word : words.entrySet()) {
            total += word.getValue();
            shared += matchable.contains(word.getKey()) ? word.getValue() : 0;
        }
        return total <= 0 ? 0 : shared / total;
    }

    /**
     * @param words     the question's content words with their weights (rarer words weigh more)
     * @param passages  the retrieved passages, best first
     * @param vocabulary the exception words (a sentence about an exception answers only a question about one)
     */
    static List<Candidate> score(String question, float[] vector, Map<String, Double> words,
            List<Retriever.Evidence> passages, Weights w, Vocabulary vocabulary) {
        QuestionKind kind = QuestionKind.of(question);
        boolean wantsException = vocabulary.asksAboutException(ScriptConverter.forMatching(question));
        List<Candidate> out = new ArrayList<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            Retriever.Evidence e = passages.get(rank);
            List<Sentences.Unit> units = Sentences.split(e.hit().text());
            float[][] vectors = e.sentenceVectors().length == units.size() ? e.sentenceVectors() : null;
            String heading = null;
            double headingMeaning = 0;
            for (int i = 0; i < units.size(); i++) {
                Sentences.Unit u = units.get(i);
                double meaning = vectors == null ? e.hit().similarity() : Embedder.cosine(vector, vectors[i]);
                if (u.heading()) {
                    heading = u.text();
                    headingMeaning = meaning;
                    continue;
                }
                if (heading != null) {
                    meaning = Math.max(meaning, (meaning + headingMeaning) / 2);
                }
                double coverage = coverage((heading == null ? "" : heading) + u.text(), words);
                String simplified = ScriptConverter.forMatching(u.text());
                boolean shaped = kind != null && kind.fits(simplified);
                boolean exception = !wantsException && vocabulary.aboutException(simplified);
                double score = meaning + w.words() * coverage + (shaped ? w.shape() : 0)
                        + w.passage() * e.hit().similarity() - (exception ? w.exception() : 0)
                        - (Sentences.withoutMarker(u.text()).length() < 6 ? 0.2 : 0);
                out.add(new Candidate(e, rank, i, u.text(), heading, meaning, coverage, shaped, exception, score));
            }
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        // a question after a value (how long, how many) is answered only by a sentence that states one,
        // and one about a named thing ("网址是什么", "几次") only by a sentence that names it
        AnswerFocus focus = new AnswerFocus(question);
        return out.stream().filter(c -> kind == null || !kind.needsValue() || c.shaped())
                .filter(c -> focus.isEmpty() || focus.namedIn((c.heading() == null ? "" : c.heading()) + c.text()))
                .toList();
    }
}
