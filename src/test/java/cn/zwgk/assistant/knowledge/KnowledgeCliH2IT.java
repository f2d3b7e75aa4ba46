package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.support.TestBackends;

/**
 * The {@code kb} command line against an embedded H2 file held by a process that does not share it.
 * H2 only: the external run leaves this class out (pom.xml), so nothing is skipped there.
 */
class KnowledgeCliH2IT {

    final Map<String, String> backend = TestBackends.properties();

    /** A process that opened the H2 file without AUTO_SERVER (an older server, a database tool) cannot share it. */
    @Test
    void aDatabaseHeldByAProcessThatDoesNotShareItGetsOneSentence() throws Exception {
        // left out of the external run by pom.xml; a run naming it with -Dit.test bypasses that exclusion
        assumeFalse(TestBackends.external(), "H2 only");
        Path db = Path.of(backend.get("platform.data-dir"), "db", "zwgk");
        try (Connection tool = DriverManager.getConnection("jdbc:h2:file:" + db + ";MODE=PostgreSQL", "sa", "")) {
            KnowledgeCliIT.Run run = KnowledgeCliIT.cli(backend, "kb", "import", "docs/examples/kb");
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).doesNotContain("Exception", "\tat ");
            assertThat(KnowledgeCliIT.lines(run.output())).contains("kb: the database under DATA_DIR is open in another"
                    + " process that does not share it (a server of an older version, or a database tool); stop that"
                    + " process and run the command again, or upload the documents in the console (知识库) of the running"
                    + " server.");
        }
    }
}
