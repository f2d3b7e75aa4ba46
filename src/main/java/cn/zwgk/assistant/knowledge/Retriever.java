package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * Hybrid retrieval: BM25 over SmartCN words, BM25 over CJK bigrams (robust to segmentation
 * mistakes) and bge vectors, fused by normalised score. Questions are converted to
 * Simplified script, corrected for homophone typos ({@link QueryCorrector}) and expanded with the
 * synonym list first; with a language model configured, its rewrite of the question into document
 * wording ({@link QueryRewriter}) is searched too and fused with the question's own lists.
 */
@Component
class Retriever {

    static final int CANDIDATES = 50;

    private final IndexQueries searches;
    private final Embedder embedder;
    private final Synonyms synonyms;
    private final IndexSynchronizer synchronizer;
    private final QueryCorrector corrector;
    private final QueryRewriter rewriter;
    private final QuestionWords words;

    Retriever(SearchIndex index, Embedder embedder, Synonyms synonyms, IndexSynchronizer synchronizer,
              QueryCorrector corrector, QueryRewriter rewriter, Vocabulary vocabulary) {
        this.embedder = embedder;
        this.synonyms = synonyms;
        this.synchronizer = synchronizer;
        this.corrector = corrector;
        this.rewriter = rewriter;
        this.words = new QuestionWords(index, vocabulary);
        this.searches = new IndexQueries(index);
    }

    List<SearchHit> search(String question, int k) {
        return search(question, k, EnumSet.allOf(Signal.class));
    }

    /** The retrieval signals that can be fused; all of them by default, one alone for baselines. */
    enum Signal { WORDS, BIGRAMS, DENSE }

    List<SearchHit> search(String question, int k, Set<Signal> signals) {
        return retrieve(question, k, signals).passages().stream().map(Evidence::hit).toList();
    }

    /** A retrieved passage with the vectors of its sentences, for choosing the answer sentence. */
    record Evidence(SearchHit hit, float[][] sentenceVectors) {
    }

    /**
     * What one search found, with the question as it was searched (Simplified, normalised) and its
     * vector, so that the answer scores sentences against the same vector.
     */
    record Retrieval(String question, float[] vector, List<Evidence> passages) {
    }

    Retrieval retrieve(String question, int k) {
        return retrieve(question, k, EnumSet.allOf(Signal.class));
    }

    Retrieval retrieve(String question, int k, Set<Signal> signals) {
        synchronizer.ensureSynced();
        String raw = ScriptConverter.forMatching(question == null ? "" : question).strip();
        if (raw.isEmpty()) {
            return new Retrieval(raw, new float[Embedder.DIMENSIONS], List.of());
        }
        QueryRewriter.Pending rewrite = rewriter.start(raw); // the model works while the question is embedded
        String q = corrector.correct(raw).text();
        float[] vector = embedder.query(q);
        List<Query> queries = queries(q, vector, signals);
        // the rewrite's lists are fused with the question's, so what the question finds is kept
        String rewritten = rewrite.result().filter(r -> !r.equals(q)).orElse(null);
        float[] rewrittenVector = rewritten == null ? null : embedder.query(rewritten);
        if (rewritten != null) {
            queries.addAll(queries(rewritten, rewrittenVector, signals));
        }
        List<Evidence> hits = new ArrayList<>();
        for (IndexQueries.Scored s : searches.search(queries, CANDIDATES, Math.max(k, 1), Retriever::fuse)) {
            BytesRef sentences = s.document().getBinaryValue(SearchIndex.SENTENCES);
            hits.add(new Evidence(hit(s.document(), s.score(), vector, rewrittenVector), SentenceVectors.decode(
                    sentences == null ? null
                    : Arrays.copyOfRange(sentences.bytes, sentences.offset, sentences.offset + sentences.length))));
        }
        return new Retrieval(q, vector, hits);
    }

    private List<Query> queries(String q, float[] vector, Set<Signal> signals) {
        Set<String> expansions = synonyms.expansions(q);
        List<Query> queries = new ArrayList<>();
        if (signals.contains(Signal.WORDS)) {
            queries.add(words.terms(SearchIndex.WORDS, q, expansions));
        }
        if (signals.contains(Signal.BIGRAMS)) {
            queries.add(words.terms(SearchIndex.BIGRAMS, q, expansions));
        }
        if (signals.contains(Signal.DENSE)) {
            queries.add(IndexQueries.nearest(vector, CANDIDATES));
        }
        return queries;
    }

    /**
     * Sum of min-max normalised scores (convex combination with equal weights): unlike rank fusion it
     * keeps how far ahead a candidate is, and a list that missed a candidate simply gives it 0.
     */
    static Map<Integer, Double> fuse(List<Map<Integer, Float>> lists) {
        Map<Integer, Double> fused = new HashMap<>();
        for (Map<Integer, Float> list : lists) {
            double max = list.values().stream().mapToDouble(Float::doubleValue).max().orElse(0);
            double min = list.values().stream().mapToDouble(Float::doubleValue).min().orElse(0);
            double range = max - min;
            for (Map.Entry<Integer, Float> e : list.entrySet()) {
                double norm = range <= 0 ? 1 : (e.getValue() - min) / range;
                fused.merge(e.getKey(), norm, Double::sum);
            }
        }
        return fused;
    }

    /** The passage as a hit; its similarity is to the question or, when closer, to the question's rewrite. */
    private static SearchHit hit(Document d, double score, float[] query, float[] rewritten) {
        float[] vector = DocumentStore.toFloats(d.getBinaryValue("embedding").bytes);
        float similarity = Embedder.cosine(query, vector);
        if (rewritten != null) {
            similarity = Math.max(similarity, Embedder.cosine(rewritten, vector));
        }
        return new SearchHit(Long.parseLong(d.get("chunkId")), Long.parseLong(d.get("docId")), d.get("title"),
                d.get("issuer"), d.get("publishedOn"), d.get("docNumber"), d.get("status"), d.get("section"),
                d.get("text"), score, similarity);
    }

    /** The question's content words (question words left out), each weighted by its rarity in the knowledge base. */
    Map<String, Double> contentWords(String question) {
        return words.contentWords(question);
    }

    /** Whether some passage of the knowledge base holds every character pair of the phrase. */
    boolean mentions(String phrase) {
        return words.mentions(phrase);
    }
}
