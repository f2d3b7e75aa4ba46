package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.Texts;

/**
 * Turns retrieved passages into an answer: generative when a model is configured and its reply
 * passes the checks, extractive otherwise; an honest "not found" with the disclosure application
 * offered when no passage is similar enough. Documents not in force are flagged, never cited as current.
 */
@Component
class AnswerService {

    static final int CANDIDATES = 8;
    static final int MAX_CITATIONS = 3;

    private final Retriever retriever;
    private final LlmAnswerer llm;
    private final KnowledgeProperties properties;
    private final Texts texts;

    AnswerService(Retriever retriever, LlmAnswerer llm, KnowledgeProperties properties, Texts texts) {
        this.retriever = retriever;
        this.llm = llm;
        this.properties = properties;
        this.texts = texts;
    }

    Answer answer(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty() || q.length() > 500) {
            return noEvidence();
        }
        List<SearchHit> cited = cite(retriever.search(q, CANDIDATES));
        if (cited.isEmpty()) {
            return noEvidence();
        }
        Optional<String> generated = llm.answer(q, cited);
        String body = generated.orElseGet(() -> texts.get("knowledge.answer.extractive-intro") + "\n"
                + ExtractiveAnswerer.compose(q, cited));
        return new Answer(body + notices(cited) + "\n" + sources(cited), true, cited,
                generated.isPresent() ? "GENERATIVE" : "EXTRACTIVE");
    }

    /** Passages similar enough to count as evidence; those in force first, at most three. */
    private List<SearchHit> cite(List<SearchHit> hits) {
        List<SearchHit> evidence = hits.stream().filter(h -> h.similarity() >= properties.minSimilarity()).toList();
        if (evidence.isEmpty()) {
            return List.of();
        }
        double best = evidence.get(0).similarity();
        List<SearchHit> out = new ArrayList<>();
        evidence.stream().filter(SearchHit::current).filter(h -> h.similarity() >= best - 0.12)
                .limit(MAX_CITATIONS).forEach(out::add);
        if (out.isEmpty()) {
            evidence.stream().limit(MAX_CITATIONS).forEach(out::add);
        }
        return out;
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

    String sources(List<SearchHit> cited) {
        StringBuilder sb = new StringBuilder(texts.get("knowledge.answer.sources"));
        for (int i = 0; i < cited.size(); i++) {
            sb.append('\n').append(citationLine(i + 1, cited.get(i)));
        }
        return sb.toString();
    }

    static String citationLine(int n, SearchHit h) {
        StringBuilder sb = new StringBuilder("[").append(n).append("]《").append(h.title()).append('》');
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

    private Answer noEvidence() {
        return new Answer(texts.get("knowledge.answer.no-evidence"), false, List.of(), "NO_EVIDENCE");
    }
}
