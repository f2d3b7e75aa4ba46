package cn.zwgk.assistant;

import org.springframework.boot.SpringApplication;

import cn.zwgk.assistant.knowledge.KnowledgeCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 政务公开 assistant: a WeChat Official Account bot for government information disclosure. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

    public static void main(String[] args) {
        if (KnowledgeCommandLine.handles(args)) {
            System.exit(KnowledgeCommandLine.run(Application.class, args));
        }
        SpringApplication.run(Application.class, args);
    }
}
