package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.zwgk.assistant.platform.Texts;

/**
 * The policy knowledge base: import and manage published documents, search them, and answer
 * questions from them with citations ({@link #ask}).
 */
@Service
public class KnowledgeService {

    private final DocumentImporter importer;
    private final DocumentStore store;
    private final Retriever retriever;
    private final AnswerService answers;
    private final IndexSynchronizer synchronizer;
    private final KnowledgeLoader loader;
    private final Texts texts;

    KnowledgeService(DocumentImporter importer, DocumentStore store, Retriever retriever, AnswerService answers,
            IndexSynchronizer synchronizer, KnowledgeLoader loader, Texts texts) {
        this.importer = importer;
        this.store = store;
        this.retriever = retriever;
        this.answers = answers;
        this.synchronizer = synchronizer;
        this.loader = loader;
        this.texts = texts;
    }

    /**
     * False while the knowledge base is still loading after the start (sample import, index
     * rebuild): an answer now would wrongly say "not found".
     */
    public boolean ready() {
        return loader.loaded();
    }

    /**
     * Imports files (.txt, .md, .html, .docx, .pdf), idempotently: a new version replaces the old one.
     * Several at once (their chunks are embedded together, which is faster than one by one).
     * A file that cannot be read gets a {@code FAILED} result; the others are imported all the same.
     */
    public List<ImportResult> importDocuments(Map<String, byte[]> files, ImportOptions options) {
        List<ImportBatch.SourceFile> sources = new ArrayList<>();
        files.forEach((name, content) -> sources.add(new ImportBatch.SourceFile(name, content)));
        return importer.importFiles(sources, options);
    }

    public List<KnowledgeDocument> documents() {
        return store.list();
    }

    public Optional<KnowledgeDocument> document(long documentId) {
        return store.find(documentId);
    }

    /**
     * Corrects a document's title, issuer, 文号, date or 索引号; its passages are re-indexed under the
     * new header. False when there is no such document.
     *
     * @throws IllegalArgumentException when the edit has {@link MetadataEdit#problems() problems}
     */
    public boolean editMetadata(long documentId, MetadataEdit edit) {
        Map<String, String> problems = edit.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid metadata: " + problems);
        }
        return store.find(documentId).map(d -> importer.updateMetadata(documentId, edit.applyTo(d))).orElse(false);
    }

    /**
     * Rebuilds the search index from the stored passages and embeddings (nothing is embedded again);
     * the other instances rebuild theirs on their next poll. Returns the number of passages indexed.
     */
    public int reindex() {
        importer.touch();
        return synchronizer.rebuild(true);
    }

    public boolean delete(long documentId) {
        return importer.delete(documentId);
    }

    /** Marks a document repealed (废止): it stays searchable but is never cited as in force. */
    public boolean repeal(long documentId) {
        return importer.setStatus(documentId, KnowledgeDocument.REPEALED);
    }

    /** Marks a document superseded by a newer one. */
    public boolean supersede(long documentId) {
        return importer.setStatus(documentId, KnowledgeDocument.SUPERSEDED);
    }

    /** The {@code k} passages that best match the question, best first. */
    public List<SearchHit> search(String question, int k) {
        return retriever.search(question, Math.max(1, Math.min(k, 50)));
    }

    /**
     * A short answer grounded in the documents, with numbered citations; honest when there is no
     * evidence; "still loading, ask again shortly" (mode {@code LOADING}) before the knowledge base is {@link #ready()}.
     */
    public Answer ask(String question) {
        if (!ready()) {
            String loading = ScriptConverter.inScriptOf(question, texts.get("knowledge.answer.loading"));
            return new Answer(loading, false, List.of(), "LOADING", loading, false);
        }
        return answers.answer(question);
    }
}
