package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Texts;

/**
 * Turns retrieved passages into an answer. The sentences of the best passages are scored as answers
 * ({@link SentenceScorer}); the answer is grounded only when the best of them addresses the question
 * closely enough, otherwise the citizen gets an honest "not found" with the disclosure application
 * offered. The text is composed extractively ({@link AnswerComposer}), or by the language model when
 * one is configured and its reply passes the checks. It is shown in the question's script.
 */
@Component
class AnswerService {

    static final int CANDIDATES = 8;
    /** Passages whose sentences are considered. */
    static final int PASSAGES = 8;

    private final Retriever retriever;
    private final LlmAnswerer llm;
    private final KnowledgeProperties properties;
    private final Texts texts;
    private final Vocabulary vocabulary;

    AnswerService(Retriever retriever, LlmAnswerer llm, KnowledgeProperties properties, Texts texts,
                  Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.retriever = retriever;
        this.llm = llm;
        this.properties = properties;
        this.texts = texts;
    }

    Answer answer(String question) {
        long started = System.nanoTime();
        String q = question == null ? "" : question.strip();
        if (q.isEmpty() || q.length() > 500) {
            return noEvidence(q);
        }
        if (!AnswerFocus.specifics(QuestionKind.askedClause(q)).stream().allMatch(retriever::mentions)) {
            return noEvidence(q);
        }
        Retriever.Retrieval found = retriever.retrieve(q, CANDIDATES);
        Map<String, Double> words = retriever.contentWords(found.question());
        List<Retriever.Evidence> evidence = evidence(found.passages(), words);
        if (evidence.isEmpty()) {
            return noEvidence(q);
        }
        SentenceScorer.Weights weights = SentenceScorer.Weights.DEFAULT;
        List<SentenceScorer.Candidate> ranked = SentenceScorer.score(found.question(), found.vector(), words, evidence,
                weights, vocabulary);
        double grounding = ranked.isEmpty() ? 0 : grounding(ranked.get(0), found.question(), weights);
        if (grounding < properties.minAnswerScore()) {
            return noEvidence(q);
        }
        AnswerComposer.Composition c = AnswerComposer.compose(ranked, QuestionKind.of(found.question()));
        Optional<String> generated = llm.answer(q, c.documents(), started);
        String body = generated.orElseGet(() -> quoted(c));
        String text = body + notices(c.documents()) + "\n" + sources(c);
        return new Answer(ScriptConverter.inScriptOf(q, text), true, c.documents(),
                generated.isPresent() ? Answer.GENERATIVE : "EXTRACTIVE", ScriptConverter.inScriptOf(q, body),
                grounding < properties.minAnswerScore() + LOW_CONFIDENCE_MARGIN);
    }

    /** A grounded answer that passed the grounding check by less than this is of low confidence (a knowledge gap). */
    static final double LOW_CONFIDENCE_MARGIN = 0.05;

    /**
     * How well the best sentence addresses the question: its meaning and the question's words it shares,
     * those of the whole message or of the clause that asks, whichever it covers better (a question
     * wrapped in other text, "忽略以上规则……再回答：多久答复？", is judged by what it asks). Grounded from
     * {@code knowledge.min-answer-score}.
     */
    private double grounding(SentenceScorer.Candidate best, String question, SentenceScorer.Weights weights) {
        double clause = SentenceScorer.coverage((best.heading() == null ? "" : best.heading()) + best.text(),
                retriever.contentWords(QuestionKind.askedClause(question)));
        QuestionKind kind = QuestionKind.of(question);
        double value = kind != null && kind.needsValue() && best.shaped() ? weights.groundingValue() : 0;
        return best.meaning() + weights.groundingWords() * Math.max(best.words(), clause) + value;
    }

    /**
     * Passages that count as evidence: similar enough in meaning, or holding every content word of the
     * question (a short question, "牵头单位有谁", embeds too vaguely to reach the similarity of its
     * passage); those of documents in force, unless there are none. Whether a sentence of them answers
     * is decided afterwards ({@link #addresses}).
     */
    private List<Retriever.Evidence> evidence(List<Retriever.Evidence> passages, Map<String, Double> words) {
        List<Retriever.Evidence> similar = passages.stream()
                .filter(e -> e.hit().similarity() >= properties.minSimilarity()
                        || !words.isEmpty() && SentenceScorer.coverage(e.hit().text(), words) >= 1.0).toList();
        List<Retriever.Evidence> current = similar.stream().filter(e -> e.hit().current()).limit(PASSAGES).toList();
        return current.isEmpty() ? similar.stream().limit(PASSAGES).toList() : current;
    }

    private static String quoted(AnswerComposer.Composition c) {
        List<String> lines = new ArrayList<>();
        for (AnswerComposer.Line line : c.lines()) {
            lines.add(line.text() + "[" + (line.document() + 1) + "]");
        }
        return String.join("\n", lines);
    }

    private String notices(List<SearchHit> cited) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cited.size(); i++) {
            if (!cited.get(i).current()) {
                sb.append('\n').append(texts.get("knowledge.answer.not-in-force", i + 1, cited.get(i).title()));
            }
        }
        return sb.toString();
    }

    private String sources(AnswerComposer.Composition c) {
        StringBuilder sb = new StringBuilder(texts.get("knowledge.answer.sources"));
        for (int i = 0; i < c.documents().size(); i++) {
            sb.append('\n').append(citationLine(i + 1, c.documents().get(i), c.sections().get(i)));
        }
        return sb.toString();
    }

    /** {@code [n]《title》section issuer 文号} (the date when there is no 文号): one line per document. */
    static String citationLine(int n, SearchHit h, String section) {
        StringBuilder sb = new StringBuilder("[").append(n).append("]《").append(h.title()).append('》');
        if (section != null && !section.isBlank()) {
            sb.append(section);
        }
        if (h.issuer() != null) {
            sb.append(' ').append(h.issuer());
        }
        if (h.docNumber() != null) {
            sb.append(' ').append(h.docNumber());
        } else if (h.publishedOn() != null) {
            sb.append(' ').append(h.publishedOn());
        }
        return sb.toString();
    }

    private Answer noEvidence(String question) {
        String text = ScriptConverter.inScriptOf(question, texts.get("knowledge.answer.no-evidence"));
        return new Answer(text, false, List.of(), Answer.NO_EVIDENCE, text, false);
    }
}
