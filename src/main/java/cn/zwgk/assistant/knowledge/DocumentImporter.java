package cn.zwgk.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parses, chunks and embeds a document, then stores it: the same content again changes nothing,
 * a changed document with the same source or title replaces the old version.
 */
@Component
class DocumentImporter {

    private final DocumentStore store;
    private final Embedder embedder;
    private final IndexSynchronizer synchronizer;
    private final TransactionTemplate tx;

    DocumentImporter(DocumentStore store, Embedder embedder, IndexSynchronizer synchronizer, TransactionTemplate tx) {
        this.store = store;
        this.embedder = embedder;
        this.synchronizer = synchronizer;
        this.tx = tx;
    }

    ImportResult importFile(String fileName, byte[] content) {
        ParsedDocument doc = DocumentParser.parse(fileName, content);
        if (doc.body().isBlank()) {
            throw new IllegalArgumentException("no text found in " + fileName);
        }
        String hash = hash(doc);
        Optional<Long> same = store.findByHash(hash);
        if (same.isPresent()) {
            return new ImportResult(same.get(), doc.metadata().title(), "UNCHANGED", 0);
        }
        List<Chunker.Piece> pieces = Chunker.chunk(doc.body());
        List<String> texts = new ArrayList<>();
        for (Chunker.Piece p : pieces) {
            texts.add(SearchIndex.embeddingText(p.text()));
        }
        List<float[]> embeddings = embedder.passages(texts);
        long[] result = tx.execute(status -> {
            Optional<Long> previous = store.findPrevious(doc.source(), doc.metadata().title());
            long id;
            if (previous.isPresent()) {
                id = previous.get();
                store.update(id, doc, hash);
            } else {
                id = store.insert(doc, hash);
            }
            store.insertChunks(id, pieces, embeddings);
            store.bumpVersion();
            return new long[] {id, store.version(), previous.isPresent() ? 1 : 0};
        });
        synchronizer.documentChanged(result[0], result[1]);
        return new ImportResult(result[0], doc.metadata().title(), result[2] == 1 ? "UPDATED" : "CREATED",
                pieces.size());
    }

    boolean delete(long id) {
        Long version = tx.execute(status -> {
            if (!store.delete(id)) {
                return null;
            }
            store.bumpVersion();
            return store.version();
        });
        if (version == null) {
            return false;
        }
        synchronizer.documentChanged(id, version);
        return true;
    }

    boolean setStatus(long id, String status) {
        Long version = tx.execute(s -> {
            if (!store.setStatus(id, status)) {
                return null;
            }
            store.bumpVersion();
            return store.version();
        });
        if (version == null) {
            return false;
        }
        synchronizer.documentChanged(id, version);
        return true;
    }

    /** Hash of what the document says (title, metadata, body), so re-scraped page furniture does not count. */
    static String hash(ParsedDocument doc) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(doc.metadata()).getBytes(StandardCharsets.UTF_8));
            sha.update(doc.body().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
