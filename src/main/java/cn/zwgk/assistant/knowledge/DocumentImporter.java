package cn.zwgk.assistant.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zwgk.assistant.platform.OfficeTime;

/**
 * Parses, chunks and embeds a document, then stores it: the same content again changes nothing,
 * a changed document with the same source or title replaces the old version. In the {@code kb}
 * command line the index is not touched: the server holds it and follows the change counter.
 */
@Component
class DocumentImporter {

    private final DocumentStore store;
    private final Embedder embedder;
    private final IndexSynchronizer synchronizer;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final boolean updatesIndex;
    private final Clock clock;

    DocumentImporter(DocumentStore store, Embedder embedder, IndexSynchronizer synchronizer, TransactionTemplate tx,
            ApplicationEventPublisher events, KnowledgeProperties properties, Clock clock) {
        this.store = store;
        this.embedder = embedder;
        this.synchronizer = synchronizer;
        this.tx = tx;
        this.events = events;
        this.updatesIndex = !properties.cli();
        this.clock = clock;
    }

    ImportResult importFile(String fileName, byte[] content) {
        ImportResult r = importFiles(List.of(new ImportBatch.SourceFile(fileName, content)), ImportOptions.NONE).get(0);
        if (r.failed()) {
            throw new IllegalArgumentException(r.error());
        }
        return r;
    }

    /** Imports many files with their chunks embedded together; one result per file, in order. */
    List<ImportResult> importFiles(List<ImportBatch.SourceFile> files, ImportOptions options) {
        List<ImportResult> results = new ArrayList<>(files.size());
        for (ImportBatch.Prepared p : ImportBatch.prepare(files, embedder, hash -> store.findByHash(hash).isPresent())) {
            if (p.error() != null) {
                results.add(ImportResult.failed(p.name(), p.error()));
            } else if (p.unchanged()) {
                results.add(new ImportResult(p.name(), store.findByHash(p.hash()).orElse(0L),
                        p.doc().metadata().title(), "UNCHANGED", 0, null));
            } else {
                results.add(store(p, options));
            }
        }
        return results;
    }

    private ImportResult store(ImportBatch.Prepared p, ImportOptions options) {
        ParsedDocument doc = p.doc();
        long[] result = tx.execute(status -> {
            Optional<Long> previous = store.findPrevious(doc.source(), doc.metadata().title());
            long id;
            if (previous.isPresent()) {
                id = previous.get();
                store.update(id, doc, p.hash());
            } else {
                id = store.insert(doc, p.hash());
            }
            store.insertChunks(id, p.pieces(), p.embeddings(), p.sentenceEmbeddings());
            store.bumpVersion();
            if (options.needsInterpretation() && previous.isEmpty()) {
                events.publishEvent(new PolicyDocumentImported(id, doc.metadata().title(),
                        publishedOn(doc.metadata().publishedOn()), blankToNull(options.department())));
            }
            return new long[] {id, store.version(), previous.isPresent() ? 1 : 0};
        });
        indexChanged(result[0], result[1]);
        return new ImportResult(p.name(), result[0], doc.metadata().title(), result[2] == 1 ? "UPDATED" : "CREATED",
                p.pieces().size(), null);
    }

    /** The date the header gives, else today in the office's zone. */
    private LocalDate publishedOn(String text) {
        if (text != null && text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return LocalDate.parse(text.substring(0, 10));
        }
        return OfficeTime.today(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    boolean delete(long id) {
        return change(id, () -> store.delete(id));
    }

    boolean setStatus(long id, String status) {
        return change(id, () -> store.setStatus(id, status));
    }

    boolean updateMetadata(long id, DocumentMetadata m) {
        return change(id, () -> store.updateMetadata(id, m.title(), m.issuer(), m.docNumber(), m.publishedOn(), m.indexNo()));
    }

    /**
     * Applies {@code write} to document {@code id} and counts the change in one transaction, then
     * lets the index follow; false (nothing counted) when there is no such document.
     */
    private boolean change(long id, BooleanSupplier write) {
        Long version = tx.execute(s -> {
            if (!write.getAsBoolean()) {
                return null;
            }
            store.bumpVersion();
            return store.version();
        });
        if (version == null) {
            return false;
        }
        indexChanged(id, version);
        return true;
    }

    private void indexChanged(long documentId, long version) {
        if (updatesIndex) {
            synchronizer.documentChanged(documentId, version);
        }
    }

    /** Counts a change, so that every instance's index is rebuilt. */
    void touch() {
        tx.executeWithoutResult(s -> store.bumpVersion());
    }
}
