package cn.zwgk.assistant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.zwgk.assistant.knowledge.KnowledgeCommandLine;

/** 政务公开 assistant: a WeChat Official Account bot for government information disclosure. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
@EnableAsync // @ApplicationModuleListener: cross-module listeners run after the commit, off the publisher's thread
public class Application {

    public static void main(String[] args) {
        // The embedded H2 database runs in AUTO_SERVER mode, so that the kb command line can share it
        // with a running server: its TCP port listens on the loopback interface only.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        if (KnowledgeCommandLine.handles(args)) {
            System.exit(KnowledgeCommandLine.run(Application.class, args));
        }
        SpringApplication.run(Application.class, args);
    }

    /** Background jobs (outbox relay, index polling, retention) run in the server, never in the kb command line. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnBooleanProperty(name = "knowledge.cli", havingValue = false, matchIfMissing = true)
    static class Scheduling {
    }
}
