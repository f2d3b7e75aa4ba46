package cn.zwgk.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The CPU-heavy half of an import, before anything is stored: parse, clean, chunk, and embed the
 * chunks of many documents together. Embedding across documents keeps the model's batches full
 * (one short document alone leaves cores idle at the end of its batch), which is what makes a
 * folder import run close to the model's raw throughput.
 */
final class ImportBatch {

    /** Chunks embedded per model call: large enough to keep both cores busy, small enough to bound memory. */
    static final int EMBEDDING_BATCH = 128;

    /** One file to import. */
    record SourceFile(String name, byte[] content) {
    }

    /**
     * One file after preparation: either ready to store, already known (same content), or failed.
     *
     * @param error why it could not be read, or null
     */
    record Prepared(String name, ParsedDocument doc, String hash, List<Chunker.Piece> pieces, List<float[]> embeddings,
            List<byte[]> sentenceEmbeddings, boolean unchanged, String error) {

        boolean storable() {
            return error == null && !unchanged;
        }
    }

    private ImportBatch() {
    }

    /**
     * Parses and chunks every file, then embeds all new chunks in full batches.
     *
     * @param known whether a content hash is already stored (such files are not embedded again)
     */
    static List<Prepared> prepare(List<SourceFile> files, Embedder embedder, Predicate<String> known) {
        List<Prepared> parsed = new ArrayList<>(files.size());
        List<String> texts = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (SourceFile file : files) {
            parsed.add(parse(file, known));
        }
        for (Prepared p : parsed) {
            if (p.storable()) {
                p.pieces().forEach(piece -> texts.add(ChunkDocuments.embeddingText(piece.text())));
                p.pieces().forEach(piece -> Sentences.texts(piece.text()).forEach(
                        t -> sentences.add(ChunkDocuments.embeddingText(t))));
            }
        }
        List<float[]> vectors = embed(texts, embedder);
        List<float[]> sentenceVectors = embed(sentences, embedder);
        List<Prepared> out = new ArrayList<>(parsed.size());
        int next = 0;
        int nextSentence = 0;
        for (Prepared p : parsed) {
            if (!p.storable()) {
                out.add(p);
                continue;
            }
            List<float[]> own = List.copyOf(vectors.subList(next, next + p.pieces().size()));
            next += p.pieces().size();
            List<byte[]> ownSentences = new ArrayList<>();
            for (Chunker.Piece piece : p.pieces()) {
                int n = Sentences.texts(piece.text()).size();
                ownSentences.add(SentenceVectors.encode(sentenceVectors.subList(nextSentence, nextSentence + n)));
                nextSentence += n;
            }
            out.add(new Prepared(p.name(), p.doc(), p.hash(), p.pieces(), own, ownSentences, false, null));
        }
        return out;
    }

    /** Embeds in full batches (see {@link #EMBEDDING_BATCH}). */
    static List<float[]> embed(List<String> texts, Embedder embedder) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += EMBEDDING_BATCH) {
            vectors.addAll(embedder.passages(texts.subList(from, Math.min(texts.size(), from + EMBEDDING_BATCH))));
        }
        return vectors;
    }

    /** The sentence vectors of one passage, for chunks stored before they were kept. */
    static byte[] sentenceVectors(String passage, Embedder embedder) {
        return SentenceVectors.encode(embed(Sentences.texts(passage).stream().map(ChunkDocuments::embeddingText).toList(),
                embedder));
    }

    private static Prepared parse(SourceFile file, Predicate<String> known) {
        try {
            ParsedDocument doc = DocumentParser.parse(file.name(), file.content());
            if (doc.body().isBlank()) {
                return failed(file, "no text found in " + file.name());
            }
            String hash = hash(doc);
            if (known.test(hash)) {
                return new Prepared(file.name(), doc, hash, List.of(), List.of(), List.of(), true, null);
            }
            return new Prepared(file.name(), doc, hash, Chunker.chunk(doc.body()), List.of(), List.of(), false, null);
        } catch (IllegalArgumentException e) {
            return failed(file, e.getMessage());
        }
    }

    private static Prepared failed(SourceFile file, String error) {
        return new Prepared(file.name(), null, null, List.of(), List.of(), List.of(), false, error);
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
