package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/** The {@code kb} commands: import a folder of documents; evaluate retrieval on a question set. */
@Component
class KnowledgeCli {

    private final KnowledgeService knowledge;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    KnowledgeCli(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    int run(String[] args) {
        if (args.length >= 3 && "import".equals(args[1])) {
            return importDir(Path.of(args[2]));
        }
        if (args.length >= 2 && "eval".equals(args[1])) {
            String qa = option(args, "--qa", null);
            if (qa == null) {
                return usage();
            }
            int k = Integer.parseInt(option(args, "--k", "5"));
            String outFile = option(args, "--out", null);
            RetrievalEval.Result r = RetrievalEval.run(Path.of(qa), k, outFile == null ? null : Path.of(outFile),
                    knowledge::search);
            out.println(r.summary());
            return 0;
        }
        return usage();
    }

    private int importDir(Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(p -> DocumentParser.supported(p.getFileName().toString()))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int failed = 0;
        for (Path file : files) {
            try {
                ImportResult r = knowledge.importDocument(file.getFileName().toString(), Files.readAllBytes(file));
                out.printf("%-9s %s  (%d chunks, id %d)  %s%n", r.outcome(), file.getFileName(), r.chunks(),
                        r.documentId(), r.title());
            } catch (IOException | RuntimeException e) {
                failed++;
                out.printf("FAILED    %s  %s%n", file.getFileName(), e.getMessage());
            }
        }
        out.printf("%d files, %d failed%n", files.size(), failed);
        return failed == 0 ? 0 : 1;
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
        out.println("usage: kb import <dir> | kb eval --qa <file> [--k 5] [--out <file>]");
        return 2;
    }
}
