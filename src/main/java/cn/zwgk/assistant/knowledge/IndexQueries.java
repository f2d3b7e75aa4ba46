package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** The query side of the {@link SearchIndex}: ranked searches and term statistics on its current searcher. */
final class IndexQueries {

    private final SearchIndex index;

    IndexQueries(SearchIndex index) {
        this.index = index;
    }

    /** A chunk's stored fields and its score. */
    record Scored(Document document, double score) {
    }

    /**
     * Runs every query on one searcher (so Lucene doc ids agree), combines the per-query
     * (doc id → score) lists with {@code fuse}, and loads stored fields for the best {@code k} only.
     */
    List<Scored> search(List<Query> queries, int candidates, int k,
                        Function<List<Map<Integer, Float>>, Map<Integer, Double>> fuse) {
        return index.withSearcher(searcher -> {
            List<Map<Integer, Float>> lists = new ArrayList<>();
            for (Query query : queries) {
                Map<Integer, Float> list = new LinkedHashMap<>();
                for (ScoreDoc sd : searcher.search(query, candidates).scoreDocs) {
                    list.put(sd.doc, sd.score);
                }
                lists.add(list);
            }
            List<Scored> out = new ArrayList<>();
            for (Map.Entry<Integer, Double> e : fuse.apply(lists).entrySet().stream()
                    .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()).limit(k).toList()) {
                out.add(new Scored(searcher.storedFields().document(e.getKey()), e.getValue()));
            }
            return out;
        });
    }

    static Query nearest(float[] vector, int n) {
        return new KnnFloatVectorQuery(SearchIndex.VECTOR, vector, n);
    }

    /**
     * Inverse document frequency of each term of the field ({@code log(1 + N / (df + 1))}): rare terms
     * weigh more; a term no document has weighs {@code unseen} times that.
     */
    Map<String, Double> idf(String field, Collection<String> terms, double unseen) {
        return index.withSearcher(searcher -> {
            int n = searcher.getIndexReader().numDocs();
            Map<String, Double> out = new LinkedHashMap<>();
            for (String t : terms) {
                int df = searcher.getIndexReader().docFreq(new Term(field, t));
                out.put(t, (df == 0 ? unseen : 1) * Math.log(1 + n / (df + 1.0)));
            }
            return out;
        });
    }

    int size() {
        return index.withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }
}
