package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PlatformProperties;

/** The {@code kb} commands: import a folder of documents or a list of URLs; evaluate retrieval on a question set. */
@Component
class KnowledgeCli {

    /** Files read and embedded together: full model batches, bounded memory. */
    private static final int FILES_PER_BATCH = 32;

    private final KnowledgeService knowledge;
    private final KnowledgeProperties properties;
    private final PlatformProperties platform;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    KnowledgeCli(KnowledgeService knowledge, KnowledgeProperties properties, PlatformProperties platform) {
        this.knowledge = knowledge;
        this.properties = properties;
        this.platform = platform;
    }

    int run(String[] args) {
        if (args.length >= 3 && "import".equals(args[1])) {
            return importDir(Path.of(args[2]));
        }
        if (args.length >= 3 && "import-urls".equals(args[1])) {
            return importUrls(Path.of(args[2]));
        }
        if (args.length >= 2 && "eval".equals(args[1])) {
            String qa = option(args, "--qa", null);
            if (qa == null) {
                return usage();
            }
            int k = Integer.parseInt(option(args, "--k", "5"));
            String outFile = option(args, "--out", null);
            if (List.of(args).contains("--answers")) {
                AnswerEval.Result r = AnswerEval.run(Path.of(qa), outFile == null ? null : Path.of(outFile),
                        knowledge::ask, knowledge::search);
                out.println(r.summary());
                r.misses().forEach(m -> out.println("  miss " + m));
                return 0;
            }
            RetrievalEval.Result r = RetrievalEval.run(Path.of(qa), k, outFile == null ? null : Path.of(outFile),
                    knowledge::search);
            out.println(r.summary());
            return 0;
        }
        return usage();
    }

    private int importDir(Path dir) {
        List<Path> files;
        try {
            files = KnowledgeCliChecks.documents(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int failed = 0;
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int from = 0; from < files.size(); from += FILES_PER_BATCH) {
            Map<String, byte[]> batch = new LinkedHashMap<>();
            for (Path file : files.subList(from, Math.min(files.size(), from + FILES_PER_BATCH))) {
                try {
                    batch.put(dir.relativize(file).toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    failed++;
                    out.printf("FAILED    %s  %s%n", file, e.getMessage());
                }
            }
            failed += print(knowledge.importDocuments(batch, ImportOptions.NONE), outcomes);
        }
        out.printf("%d files, %d failed%s%n", files.size(), failed, summary(outcomes));
        return failed == 0 ? 0 : 1;
    }

    /** The counts by outcome, where they went, and when a server sees them. */
    private String summary(Map<String, Integer> outcomes) {
        int changed = outcomes.getOrDefault("CREATED", 0) + outcomes.getOrDefault("UPDATED", 0);
        String counts = String.format(" (%d created, %d updated, %d unchanged); DATA_DIR %s",
                outcomes.getOrDefault("CREATED", 0), outcomes.getOrDefault("UPDATED", 0),
                outcomes.getOrDefault("UNCHANGED", 0), Path.of(platform.dataDir()).toAbsolutePath().normalize());
        if (changed == 0) {
            return counts;
        }
        long seconds = Math.max(1, properties.pollInterval().toSeconds());
        return counts + String.format("%nA server running on this database answers from them after its next index"
                + " check (every %d s, no restart needed); a server started later, once it has started.", seconds);
    }

    /** Fetches each URL of the list (one a line, "#" comments) and imports the pages. */
    private int importUrls(Path list) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int failed = 0;
        int total = 0;
        Map<String, byte[]> pages = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String url = line.replaceAll("#.*", "").strip();
                if (url.isEmpty()) {
                    continue;
                }
                total++;
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    pages.put(url, response.body());
                } catch (IOException | RuntimeException e) {
                    failed++;
                    out.printf("FAILED    %s  %s%n", url, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        failed += print(knowledge.importDocuments(pages, ImportOptions.NONE), outcomes);
        out.printf("%d URLs, %d failed%s%n", total, failed, summary(outcomes));
        return failed == 0 ? 0 : 1;
    }

    /** Prints one line per file and counts the outcomes; returns how many failed. */
    private int print(List<ImportResult> results, Map<String, Integer> outcomes) {
        int failed = 0;
        for (ImportResult r : results) {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            if (r.failed()) {
                failed++;
                out.printf("FAILED    %s  %s%n", r.file(), r.error());
            } else {
                out.printf("%-9s %s  (%d chunks, id %d)  %s%n", r.outcome(), r.file(), r.chunks(), r.documentId(), r.title());
            }
        }
        return failed;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (name.equals(args[i])) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private int usage() {
        out.println("usage: kb import <dir> | kb import-urls <file> | kb eval --qa <file> [--k 5] [--out <file>] [--answers]");
        return 2;
    }
}
