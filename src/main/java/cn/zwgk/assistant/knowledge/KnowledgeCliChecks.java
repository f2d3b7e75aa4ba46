package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.store.LockObtainFailedException;

/**
 * What the {@code kb} command line checks before it starts the application, and the one sentence it
 * prints instead of a stack trace when a command cannot run.
 */
final class KnowledgeCliChecks {

    /** H2's "Database may be already in use" ({@code org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1}). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private KnowledgeCliChecks() {
    }

    /** The documents under {@code dir} (sub-folders included) that the importer can read, sorted. */
    static List<Path> documents(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> DocumentParser.supported(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /** Why the command cannot run with these arguments, checked without starting the application. */
    static Optional<String> before(String[] args) {
        if (args.length >= 3 && "import".equals(args[1])) {
            return folder(Path.of(args[2]));
        }
        if (args.length >= 3 && "import-urls".equals(args[1])) {
            return file(Path.of(args[2]), "kb import-urls: there is no URL list ");
        }
        if (args.length >= 2 && "eval".equals(args[1])) {
            for (int i = 2; i + 1 < args.length; i++) {
                if ("--qa".equals(args[i])) {
                    return file(Path.of(args[i + 1]), "kb eval: there is no question file ");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> folder(Path dir) {
        Path shown = dir.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            return Optional.of("kb import: there is no folder " + shown
                    + "; name a folder that holds the documents, for example: kb import docs/examples/kb");
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of("kb import: " + shown + " is a file, not a folder; name the folder that holds it.");
        }
        try {
            if (documents(dir).isEmpty()) {
                return Optional.of("kb import: " + shown
                        + " holds no documents to import (.txt, .md, .html, .docx or .pdf, sub-folders included).");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("kb import: cannot read the folder " + shown + " (" + e.getMessage() + ").");
        }
        return Optional.empty();
    }

    private static Optional<String> file(Path file, String missing) {
        Path shown = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            return Optional.of(missing + shown + ".");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("kb: cannot read " + shown + " (permission denied).");
        }
        return Optional.empty();
    }

    /** One sentence for a command that failed: what happened and what to do. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "kb: the database under DATA_DIR is open in another process that does not share it"
                        + " (a server of an older version, or a database tool); stop that process and run the command"
                        + " again, or upload the documents in the console (知识库) of the running server.";
            }
            if (t instanceof LockObtainFailedException) {
                return "kb eval: the search index under DATA_DIR/index is held by the server running on this DATA_DIR;"
                        + " stop the server, or evaluate on a copy of DATA_DIR.";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "kb: the command could not run: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
