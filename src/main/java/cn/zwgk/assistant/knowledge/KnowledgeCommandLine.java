package cn.zwgk.assistant.knowledge;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar app.jar kb import <dir>} and {@code kb eval --qa <file> --k 5 --out <file>}: the
 * application without its web server, on the same {@code DATA_DIR} and database as the server.
 */
public final class KnowledgeCommandLine {

    private KnowledgeCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && "kb".equals(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(Class<?> application, String[] args) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "knowledge.cli", "true",
                "logging.level.root", "WARN", "logging.level.cn.zwgk", "INFO"));
        try (ConfigurableApplicationContext context = app.run()) {
            return context.getBean(KnowledgeCli.class).run(args);
        }
    }
}
