package cn.zwgk.assistant.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index in step with the database: rebuilds it (from the stored chunks and
 * embeddings, no re-embedding) when it is missing or its version differs from the database's change
 * counter, which every instance polls. Changes made through this instance are applied directly.
 */
@Component
class IndexSynchronizer {

    private static final Logger log = LoggerFactory.getLogger(IndexSynchronizer.class);

    private final DocumentStore store;
    private final SearchIndex index;
    private final Embedder embedder;
    private volatile boolean synced;

    IndexSynchronizer(DocumentStore store, SearchIndex index, Embedder embedder) {
        this.store = store;
        this.index = index;
        this.embedder = embedder;
    }

    /** Makes sure the index has been checked against the database at least once. */
    void ensureSynced() {
        if (!synced) {
            sync();
        }
    }

    @Scheduled(fixedDelayString = "${knowledge.poll-interval:5s}", initialDelayString = "${knowledge.poll-interval:5s}")
    void poll() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("knowledge index sync failed: {}", e.toString());
        }
    }

    synchronized void sync() {
        rebuild(false);
    }

    /** Rebuilds the index from the stored chunks when it is behind (or always, when {@code force}); the chunks indexed. */
    synchronized int rebuild(boolean force) {
        long dbVersion = store.version();
        int[] n = {0};
        if (force || index.version() != dbVersion) {
            long started = System.nanoTime();
            index.clear();
            store.forEachChunk(null, chunk -> {
                index.add(withSentences(chunk));
                n[0]++;
            });
            index.commit(dbVersion);
            log.info("knowledge index rebuilt from the database: {} chunks, version {}, {} ms", n[0], dbVersion,
                    (System.nanoTime() - started) / 1_000_000);
        }
        synced = true;
        return n[0];
    }

    /** Applies one document's change made here; falls back to a full sync when other changes came in between. */
    synchronized void documentChanged(long documentId, long newVersion) {
        if (index.version() == newVersion - 1) {
            java.util.List<IndexedChunk> chunks = new java.util.ArrayList<>();
            store.forEachChunk(documentId, chunk -> chunks.add(withSentences(chunk)));
            index.replaceDocument(documentId, chunks);
            index.commit(newVersion);
        } else {
            sync();
        }
        synced = true;
    }

    /**
     * Chunks stored before sentence vectors were kept, or whose passage a newer version cuts into other
     * units ({@link Sentences}), get them now, once (stored back to the database).
     */
    private IndexedChunk withSentences(IndexedChunk chunk) {
        if (chunk.sentenceEmbeddings() != null
                && SentenceVectors.decode(chunk.sentenceEmbeddings()).length == Sentences.split(chunk.text()).size()) {
            return chunk;
        }
        byte[] vectors = ImportBatch.sentenceVectors(chunk.text(), embedder);
        store.setSentenceEmbeddings(chunk.chunkId(), vectors);
        return chunk.withSentenceEmbeddings(vectors);
    }
}
