package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A question's words as the index sees them: the terms of its BM25 queries, its content words
 * weighted by rarity, and whether the knowledge base mentions a phrase at all.
 */
final class QuestionWords {

    private final Vocabulary vocabulary;

    private final SearchIndex index;
    private final IndexQueries queries;

    QuestionWords(SearchIndex index, Vocabulary vocabulary) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.queries = new IndexQueries(index);
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
        return queries.idf(SearchIndex.WORDS, words, UNSEEN_WORD_WEIGHT);
    }

    /** Whether some passage of the knowledge base holds every character pair of the phrase. */
    boolean mentions(String phrase) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<String> pairs = tokens(SearchIndex.BIGRAMS, ScriptConverter.forMatching(phrase));
        pairs.forEach(t -> all.add(new TermQuery(new Term(SearchIndex.BIGRAMS, t)), BooleanClause.Occur.MUST));
        return pairs.isEmpty() || !queries.search(List.of(all.build()), 1, 1, Retriever::fuse).isEmpty();
    }

    List<String> tokens(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = index.analyzer().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!vocabulary.isStopWord(t) && out.size() < 200) {
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
