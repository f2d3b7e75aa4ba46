package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PlatformProperties;

/**
 * This instance's Lucene index under {@code DATA_DIR/index}: BM25 over SmartCN words and over CJK
 * bigrams, and bge vectors in HNSW. It is derived data: the commit records which database change
 * version it reflects, and {@link IndexSynchronizer} rebuilds it from the database when it is
 * missing or behind.
 */
@Component
class SearchIndex implements DisposableBean {

    static final String WORDS = "words";
    static final String BIGRAMS = "bigrams";
    static final String VECTOR = "vector";
    static final String SENTENCES = "sentenceVectors";
    private static final String VERSION = "kbVersion";

    private final Path dir;
    private final Analyzer analyzer;
    private IndexWriter writer;
    private SearcherManager searchers;

    SearchIndex(PlatformProperties platform) {
        this.dir = Path.of(platform.dataDir(), "index");
        this.analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(BIGRAMS, new CJKAnalyzer()));
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The database change version this index reflects; -1 when there is no index yet. */
    synchronized long version() {
        open();
        String v = writer.getLiveCommitData() == null ? null : liveCommitData().get(VERSION);
        return v == null ? -1 : Long.parseLong(v);
    }

    synchronized void replaceDocument(long documentId, List<IndexedChunk> chunks) {
        open();
        try {
            writer.deleteDocuments(new Term("docId", Long.toString(documentId)));
            for (IndexedChunk chunk : chunks) {
                writer.addDocument(toLucene(chunk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void clear() {
        open();
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void add(IndexedChunk chunk) {
        open();
        try {
            writer.addDocument(toLucene(chunk));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void commit(long version) {
        open();
        try {
            writer.setLiveCommitData(Map.of(VERSION, Long.toString(version)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        SearcherManager manager = manager();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                List<Map<Integer, Float>> lists = new java.util.ArrayList<>();
                for (Query query : queries) {
                    Map<Integer, Float> list = new LinkedHashMap<>();
                    for (ScoreDoc sd : searcher.search(query, candidates).scoreDocs) {
                        list.put(sd.doc, sd.score);
                    }
                    lists.add(list);
                }
                List<Scored> out = new java.util.ArrayList<>();
                for (Map.Entry<Integer, Double> e : fuse.apply(lists).entrySet().stream()
                        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()).limit(k).toList()) {
                    out.add(new Scored(searcher.storedFields().document(e.getKey()), e.getValue()));
                }
                return out;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the current searcher's index, e.g. to derive data from its terms (see {@link QueryCorrector}). */
    <T> T read(Function<IndexReader, T> reading) {
        SearcherManager manager = manager();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return reading.apply(searcher.getIndexReader());
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Query nearest(float[] vector, int n) {
        return new KnnFloatVectorQuery(VECTOR, vector, n);
    }

    /**
     * Inverse document frequency of each term of the field ({@code log(1 + N / (df + 1))}): rare terms
     * weigh more; a term no document has weighs {@code unseen} times that.
     */
    Map<String, Double> idf(String field, java.util.Collection<String> terms, double unseen) {
        SearcherManager manager = manager();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                int n = searcher.getIndexReader().numDocs();
                Map<String, Double> out = new LinkedHashMap<>();
                for (String t : terms) {
                    int df = searcher.getIndexReader().docFreq(new Term(field, t));
                    out.put(t, (df == 0 ? unseen : 1) * Math.log(1 + n / (df + 1.0)));
                }
                return out;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        SearcherManager manager = manager();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is embedded for a passage: its text alone (titles and heading paths dilute bge-small). */
    static String embeddingText(String text) {
        return ScriptConverter.forMatching(text);
    }

    static String searchableText(String title, String section, String text) {
        return ScriptConverter.forMatching(title + "\n" + section + "\n" + text);
    }

    private Document toLucene(IndexedChunk c) {
        Document d = new Document();
        d.add(new StringField("chunkId", Long.toString(c.chunkId()), Field.Store.YES));
        d.add(new StringField("docId", Long.toString(c.documentId()), Field.Store.YES));
        String searchable = searchableText(c.title(), c.section(), c.text());
        d.add(new TextField(WORDS, searchable, Field.Store.NO));
        d.add(new TextField(BIGRAMS, searchable, Field.Store.NO));
        d.add(new KnnFloatVectorField(VECTOR, c.embedding(), VectorSimilarityFunction.COSINE));
        d.add(new StoredField("embedding", DocumentStore.toBytes(c.embedding())));
        if (c.sentenceEmbeddings() != null) {
            d.add(new StoredField(SENTENCES, c.sentenceEmbeddings()));
        }
        store(d, "title", c.title());
        store(d, "issuer", c.issuer());
        store(d, "publishedOn", c.publishedOn());
        store(d, "docNumber", c.docNumber());
        store(d, "status", c.status());
        store(d, "section", c.section());
        store(d, "text", c.text());
        return d;
    }

    private static void store(Document d, String name, String value) {
        if (value != null) {
            d.add(new StoredField(name, value));
        }
    }

    private Map<String, String> liveCommitData() {
        Map<String, String> out = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private synchronized SearcherManager manager() {
        open();
        return searchers;
    }

    private void open() {
        if (writer != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(FSDirectory.open(dir), config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (writer != null) {
            searchers.close();
            writer.close();
            writer.getDirectory().close();
            writer = null;
        }
    }
}
