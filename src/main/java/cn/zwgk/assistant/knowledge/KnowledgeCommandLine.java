package cn.zwgk.assistant.knowledge;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar app.jar kb import <dir>} and {@code kb eval --qa <file> --k 5 --out <file>}: the
 * application without its web server, on the same {@code DATA_DIR} and database as the server, which
 * may be running: the embedded H2 database is shared through its AUTO_SERVER mode, the command starts
 * its in-process Redis on a free port, runs no background jobs and leaves the search index to the
 * server (which follows the database's change counter). Where a command cannot run it prints one
 * sentence saying why, not a stack trace.
 */
public final class KnowledgeCommandLine {

    private KnowledgeCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && "kb".equals(args[0]);
    }

    /** Runs the command and returns the process exit code: 0 done, 1 failed (in part), 2 not run. */
    public static int run(Class<?> application, String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Optional<String> problem = KnowledgeCliChecks.before(args);
        if (problem.isPresent()) {
            err.println(problem.get());
            return 2;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false",
                // the command's own lines, not the libraries' start-up chatter
                "logging.level.root", "ERROR", "logging.level.cn.zwgk", "WARN", "logging.level.cn.zwgk.assistant.knowledge", "INFO",
                // a start that fails is explained in one sentence below, not logged with its stack trace
                "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.org.springframework.boot.diagnostics", "OFF",
                "logging.level.com.zaxxer.hikari", "OFF"));
        // command-line arguments, so that no environment variable can switch these back; Spring Modulith's
        // moments would switch scheduling on (Application switches it off for knowledge.cli)
        String[] settings = {"--knowledge.cli=true", "--platform.embedded-redis-port=0",
            "--spring.quartz.auto-startup=false",
            "--spring.autoconfigure.exclude=org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration"};
        try (ConfigurableApplicationContext context = app.run(settings)) {
            return context.getBean(KnowledgeCli.class).run(args);
        } catch (RuntimeException e) {
            err.println(KnowledgeCliChecks.explain(e));
            return 1;
        }
    }
}
