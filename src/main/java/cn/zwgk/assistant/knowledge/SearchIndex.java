package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PlatformProperties;

/**
 * This instance's Lucene index under {@code DATA_DIR/index}: BM25 over SmartCN words and over CJK
 * bigrams, and bge vectors in HNSW. It is derived data: the commit records which database change
 * version it reflects, and {@link IndexSynchronizer} rebuilds it from the database when it is
 * missing or behind. This class owns the index and writes it; {@link IndexQueries} searches it and
 * {@link ChunkDocuments} lays a chunk out as a Lucene document.
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
                writer.addDocument(ChunkDocuments.toLucene(chunk));
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
            writer.addDocument(ChunkDocuments.toLucene(chunk));
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

    /** Reads the current searcher's index, e.g. to derive data from its terms (see {@link QueryCorrector}). */
    <T> T read(Function<IndexReader, T> reading) {
        return withSearcher(searcher -> reading.apply(searcher.getIndexReader()));
    }

    /** Work done on one searcher of the current index. */
    interface Searching<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code searching} on the current searcher (see {@link IndexQueries}). */
    <T> T withSearcher(Searching<T> searching) {
        SearcherManager manager = manager();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return searching.on(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
