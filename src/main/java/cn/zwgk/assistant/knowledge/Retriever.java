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
    static final Set<String> STOP = Set.of("的", "了", "吗", "呢", "吧", "啊", "呀", "是", "我", "你", "您", "请问",
            "一下", "什么", "怎么", "怎样", "如何", "哪些", "哪", "有", "在", "和", "与", "及", "要", "会", "能", "可以", "吗？",
            "想", "知道", "这个", "那个", "那", "就", "都", "也", "还", "个", "让", "给");

    private final SearchIndex index;
    private final Embedder embedder;
    private final Synonyms synonyms;
    private final IndexSynchronizer synchronizer;
    private final QueryCorrector corrector;
    private final QueryRewriter rewriter;

    Retriever(SearchIndex index, Embedder embedder, Synonyms synonyms, IndexSynchronizer synchronizer,
              QueryCorrector corrector, QueryRewriter rewriter) {
        this.index = index;
        this.embedder = embedder;
        this.synonyms = synonyms;
        this.synchronizer = synchronizer;
        this.corrector = corrector;
        this.rewriter = rewriter;
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
        for (SearchIndex.Scored s : index.search(queries, CANDIDATES, Math.max(k, 1), Retriever::fuse)) {
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
            queries.add(terms(SearchIndex.WORDS, q, expansions));
        }
        if (signals.contains(Signal.BIGRAMS)) {
            queries.add(terms(SearchIndex.BIGRAMS, q, expansions));
        }
        if (signals.contains(Signal.DENSE)) {
            queries.add(SearchIndex.nearest(vector, CANDIDATES));
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

    Query terms(String field, String question, Set<String> expansions) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> seen = new LinkedHashSet<>();
        for (String t : tokens(field, question)) {
            if (seen.add(t)) {
                b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
            }
        }
        for (String expansion : expansions) {
            for (String t : tokens(field, expansion)) {
                if (seen.add(t)) {
                    b.add(new BoostQuery(new TermQuery(new Term(field, t)), 0.5f), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return b.build();
    }

    /**
     * How much a question word that no document uses counts, against a word that one document uses: it
     * cannot tell one sentence from another ("咋", "砸了多少钱"), yet a topic the documents lack still
     * counts against grounding. Chosen on the dev sets with the grounding threshold (docs/knowledge.md).
     */
    static final double UNSEEN_WORD_WEIGHT = 0.25;

    /** The question's content words (question words left out), each weighted by its rarity in the knowledge base. */
    Map<String, Double> contentWords(String question) {
        Set<String> words = new LinkedHashSet<>();
        for (String t : tokens(SearchIndex.WORDS, QuestionKind.topic(question))) {
            if (t.length() >= 2) {
                words.add(t);
            }
        }
        return index.idf(SearchIndex.WORDS, words, UNSEEN_WORD_WEIGHT);
    }

    /** Whether some passage of the knowledge base holds every character pair of the phrase. */
    boolean mentions(String phrase) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<String> pairs = tokens(SearchIndex.BIGRAMS, ScriptConverter.forMatching(phrase));
        pairs.forEach(t -> all.add(new TermQuery(new Term(SearchIndex.BIGRAMS, t)), BooleanClause.Occur.MUST));
        return pairs.isEmpty() || !index.search(List.of(all.build()), 1, 1, Retriever::fuse).isEmpty();
    }

    List<String> tokens(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = index.analyzer().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!STOP.contains(t) && out.size() < 200) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
