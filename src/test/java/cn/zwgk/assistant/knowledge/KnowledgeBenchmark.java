package cn.zwgk.assistant.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import cn.zwgk.assistant.platform.PlatformProperties;

/**
 * Benchmark (not a test): retrieval latency over a generated corpus of N chunks, and ingestion
 * throughput against the embedding model's raw throughput. See docs/benchmarks-knowledge.md.
 * Args: corpusDir [chunks, default 20000].
 */
final class KnowledgeBenchmark {

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Embedder embedder = new Embedder();
        List<String> sentences = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Path p : Files.list(corpus).sorted().toList()) {
            String body = DocumentParser.parse(p.getFileName().toString(), Files.readAllBytes(p)).body();
            bodies.add(body);
            sentences.addAll(Arrays.stream(body.split("(?<=[。；])")).filter(s -> s.length() > 8).toList());
        }
        Random random = new Random(42);
        List<String> generated = new ArrayList<>();
        while (generated.size() < target) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 250) {
                sb.append(sentences.get(random.nextInt(sentences.size())));
            }
            generated.add(sb.toString());
        }

        embedder.passages(List.of("预热"));
        List<String> chunkTexts = new ArrayList<>();
        bodies.forEach(body -> Chunker.chunk(body).forEach(c -> chunkTexts.add(ChunkDocuments.embeddingText(c.text()))));
        double rawPerSec = 0;
        double ingestPerSec = 0;
        List<float[]> probeVectors = List.of();
        int chunks = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            probeVectors = embedder.passages(chunkTexts);
            rawPerSec = Math.max(rawPerSec, chunkTexts.size() / ((System.nanoTime() - t0) / 1e9));
            long t1 = System.nanoTime();
            List<ImportBatch.SourceFile> files = new ArrayList<>();
            for (Path p : Files.list(corpus).sorted().toList()) {
                files.add(new ImportBatch.SourceFile(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            chunks = ImportBatch.prepare(files, embedder, hash -> false).stream().mapToInt(p -> p.pieces().size()).sum();
            ingestPerSec = Math.max(ingestPerSec, chunks / ((System.nanoTime() - t1) / 1e9));
        }
        System.out.printf("same %d chunks, best of 3 alternating rounds: embedding alone %.1f chunks/s; parse+clean+chunk+embed %.1f chunks/s (%.0f %%)%n",
                chunks, rawPerSec, ingestPerSec, 100 * ingestPerSec / rawPerSec);

        // real sentence vectors, reused with noise for the generated passages' sentences
        List<float[]> sentencePool = embedder.passages(sentences.subList(0, Math.min(256, sentences.size())).stream()
                .map(ChunkDocuments::embeddingText).toList());
        Path dir = Files.createTempDirectory("kb-bench");
        SearchIndex index = new SearchIndex(new PlatformProperties("channel-config", dir.toString(), null, "b:", 0, null));
        long t2 = System.nanoTime();
        for (int i = 0; i < generated.size(); i++) {
            float[] v = i < probeVectors.size() ? probeVectors.get(i) : jitter(probeVectors.get(i % probeVectors.size()), random);
            index.add(new IndexedChunk(i + 1, i / 20 + 1, i % 20, "生成文档" + (i / 20), "示例机关", "2025-01-01", null,
                    KnowledgeDocument.CURRENT, "一、测试", generated.get(i), v, sentenceVectors(generated.get(i), sentencePool, random)));
        }
        index.commit(1);
        System.out.printf("indexed %d chunks in %.1f s%n", generated.size(), (System.nanoTime() - t2) / 1e9);

        IndexSynchronizer noSync = new IndexSynchronizer(null, index, embedder) {
            @Override
            void ensureSynced() {
            }
        };
        Retriever retriever = new Retriever(index, embedder,
                new Synonyms(new PlatformProperties("channel-config", dir.toString(), null, "b:", 0, null)), noSync,
                new QueryCorrector(index, KbHarness.VOCABULARY), KbHarness.noRewriting(), KbHarness.VOCABULARY);
        List<String> questions = List.of("依申请公开多久答复", "解读材料几天内发布", "重大舆情多久发布权威信息",
                "政务新媒体要杜绝什么账号", "每年至少组织几次培训", "信息公开申请可以通过哪些渠道提交",
                "政府网站每年开展几次专项检查", "主动公开的信息多少个工作日内公开");
        for (int i = 0; i < 20; i++) {
            retriever.search(questions.get(i % questions.size()), 5);
        }
        List<Long> total = new ArrayList<>();
        List<Long> embedOnly = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String q = questions.get(i % questions.size()) + (i % 3 == 0 ? "？" : "");
            long a = System.nanoTime();
            embedder.query(q);
            long b = System.nanoTime();
            retriever.search(q, 5);
            long c = System.nanoTime();
            embedOnly.add(b - a);
            total.add(c - b);
        }
        answers(retriever, embedder, sentences, random);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("search over %d chunks: p50 %.1f ms, p95 %.1f ms (of which query embedding p95 %.1f ms); heap used %d MB of max %d MB%n",
                new IndexQueries(index).size(), pct(total, 50), pct(total, 95), pct(embedOnly, 95),
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        index.destroy();
    }

    /**
     * Extractive answers with sentence scoring over the same index, on distinct questions (each one new to
     * the query cache), against the raw rate of embedding distinct questions in the same run.
     */
    private static void answers(Retriever retriever, Embedder embedder, List<String> sentences, Random random)
            throws InterruptedException {
        KnowledgeProperties properties = KbHarness.properties(0.83);
        AnswerService answers = new AnswerService(retriever, new LlmAnswerer(properties, new PromptTemplates(properties)),
                properties, new cn.zwgk.assistant.platform.Texts(new PlatformProperties("channel-config",
                        System.getProperty("java.io.tmpdir"), null, "b:", 0, null)), KbHarness.VOCABULARY);
        String[] asks = {"多久", "吗？", "是什么", "怎么办", "哪些", "由谁负责"};
        List<String> distinct = new ArrayList<>();
        while (distinct.size() < 1200) {
            String s = sentences.get(random.nextInt(sentences.size()));
            int from = random.nextInt(Math.max(1, s.length() - 12));
            distinct.add(s.substring(from, Math.min(s.length(), from + 12)) + asks[distinct.size() % asks.length] + distinct.size());
        }
        for (String q : distinct.subList(0, 20)) {
            answers.answer(q);
        }
        List<String> embedSet = distinct.subList(20, 310);
        List<String> answerSet = distinct.subList(310, 600);
        long t0 = System.nanoTime();
        embedSet.forEach(q -> embedder.query(ScriptConverter.forMatching(q).strip()));
        double embedPerSec = embedSet.size() / ((System.nanoTime() - t0) / 1e9);
        List<Long> latency = new ArrayList<>();
        int grounded = 0;
        long t1 = System.nanoTime();
        for (String q : answerSet) {
            long a = System.nanoTime();
            grounded += answers.answer(q).grounded() ? 1 : 0;
            latency.add(System.nanoTime() - a);
        }
        double answerPerSec = answerSet.size() / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("answers over the same index, %d distinct questions (%d grounded): p50 %.1f ms, p95 %.1f ms;"
                + " %.1f answers/s vs %.1f question embeddings/s = %.0f %%%n", answerSet.size(), grounded, pct(latency, 50),
                pct(latency, 95), answerPerSec, embedPerSec, 100 * answerPerSec / embedPerSec);
        // as a server answers: as many threads as cores, each question new, for both rates
        int threads = Runtime.getRuntime().availableProcessors();
        double embedConcurrent = concurrently(distinct.subList(600, 900), threads,
                q -> embedder.query(ScriptConverter.forMatching(q).strip()));
        double answerConcurrent = concurrently(distinct.subList(900, 1200), threads, answers::answer);
        System.out.printf("with %d threads: %.1f answers/s vs %.1f question embeddings/s = %.0f %%%n", threads,
                answerConcurrent, embedConcurrent, 100 * answerConcurrent / embedConcurrent);
    }

    /** Items per second when {@code threads} workers share the list. */
    private static double concurrently(List<String> items, int threads, java.util.function.Consumer<String> work)
            throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (String item : items) {
            pool.execute(() -> work.accept(item));
        }
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        return items.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static byte[] sentenceVectors(String passage, List<float[]> pool, Random random) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < Sentences.texts(passage).size(); i++) {
            out.add(jitter(pool.get(random.nextInt(pool.size())), random));
        }
        return SentenceVectors.encode(out);
    }

    private static float[] jitter(float[] v, Random random) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (random.nextGaussian() * 0.02);
        }
        return out;
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
