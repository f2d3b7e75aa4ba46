package cn.zwgk.assistant.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zwgk.assistant.platform.PlatformProperties;

/** Builds an index over a folder without Spring or a database, for eval tests and tuning. */
final class KbHarness implements AutoCloseable {

    /** The word lists as the repository ships them ({@code channel-config/}). */
    static final Vocabulary VOCABULARY = new Vocabulary(Path.of("channel-config"));

    final SearchIndex index;
    final Retriever retriever;
    final Embedder embedder;
    final AnswerService answers;

    KbHarness(Embedder embedder, Path corpus, Path dataDir) throws Exception {
        this(embedder, corpus, dataDir, noRewriting());
    }

    KbHarness(Embedder embedder, Path corpus, Path dataDir, QueryRewriter rewriter) throws Exception {
        this.embedder = embedder;
        PlatformProperties platform = new PlatformProperties("channel-config", dataDir.toString(), null, "t:", 0, null);
        index = new SearchIndex(platform);
        long id = 0;
        long docId = 0;
        for (Path p : Files.list(corpus).sorted().toList()) {
            ParsedDocument d = DocumentParser.parse(p.getFileName().toString(), Files.readAllBytes(p));
            docId++;
            List<Chunker.Piece> pieces = Chunker.chunk(d.body());
            List<String> texts = new ArrayList<>();
            pieces.forEach(c -> texts.add(ChunkDocuments.embeddingText(c.text())));
            List<float[]> vectors = embedder.passages(texts);
            for (int i = 0; i < pieces.size(); i++) {
                DocumentMetadata m = d.metadata();
                index.add(new IndexedChunk(++id, docId, i, m.title(), m.issuer(), m.publishedOn(), m.docNumber(),
                        KnowledgeDocument.CURRENT, pieces.get(i).section(), pieces.get(i).text(), vectors.get(i),
                        ImportBatch.sentenceVectors(pieces.get(i).text(), embedder)));
            }
        }
        index.commit(1);
        IndexSynchronizer noSync = new IndexSynchronizer(null, index, embedder) {
            @Override
            void ensureSynced() {
            }
        };
        retriever = new Retriever(index, embedder, new Synonyms(platform), noSync, new QueryCorrector(index, VOCABULARY),
                rewriter, VOCABULARY);
        KnowledgeProperties properties = properties(Double.parseDouble(System.getProperty("kb.minAnswerScore", "0.83")));
        answers = new AnswerService(retriever, new LlmAnswerer(properties, new PromptTemplates(properties)), properties,
                new cn.zwgk.assistant.platform.Texts(platform), VOCABULARY);
    }

    /** The embedded defaults, extractive, with the given grounding threshold. */
    static KnowledgeProperties properties(double minAnswerScore) {
        return new KnowledgeProperties(false, 0.45, minAnswerScore, java.time.Duration.ofSeconds(5), "prompts", null, null,
                null, java.time.Duration.ofSeconds(3));
    }

    /**
     * Answer-level figures of question sets: {@code KbHarness --answers <corpus> <qa.jsonl> [<qa.jsonl> …]};
     * {@code -Dkb.misses=true} lists what missed.
     */
    static void answers(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("kbh");
        try (KbHarness h = new KbHarness(new Embedder(), Path.of(args[1]), tmp)) {
            for (int i = 2; i < args.length; i++) {
                AnswerEval.Result r = AnswerEval.run(Path.of(args[i]), null, h.answers::answer, h.retriever::search);
                System.out.println(Path.of(args[i]).getFileName() + " " + r.summary());
                if (Boolean.getBoolean("kb.misses")) {
                    r.misses().forEach(m -> System.out.println("  " + m));
                }
            }
        }
    }

    /** A rewriter with no language model configured: retrieval uses the question alone. */
    static QueryRewriter noRewriting() {
        KnowledgeProperties none = new KnowledgeProperties(false, 0.45, 0.79, java.time.Duration.ofSeconds(5), "prompts",
                null, null, null, java.time.Duration.ofSeconds(3));
        return new QueryRewriter(none, new PromptTemplates(none));
    }

    @Override
    public void close() throws Exception {
        index.destroy();
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--answers")) {
            answers(args);
            return;
        }
        Path tmp = Files.createTempDirectory("kbh");
        try (KbHarness h = new KbHarness(new Embedder(), Path.of(args[0]), tmp)) {
            for (String combo : (args.length > 2 ? args[2] : "WORDS+BIGRAMS+DENSE").split(",")) {
                java.util.Set<Retriever.Signal> set = java.util.EnumSet.noneOf(Retriever.Signal.class);
                for (String s : combo.split("\\+")) {
                    set.add(Retriever.Signal.valueOf(s));
                }
                RetrievalEval.Result r = RetrievalEval.run(Path.of(args[1]), 5, null, (q, k) -> h.retriever.search(q, k, set));
                System.out.println(combo + " " + r.summary());
                if (Boolean.getBoolean("kb.misses")) {
                    r.misses().forEach(System.out::println);
                }
            }
        }
    }
}
