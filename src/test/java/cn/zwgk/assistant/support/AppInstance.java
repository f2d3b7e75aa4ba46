package cn.zwgk.assistant.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zwgk.assistant.Application;

/** A whole application started by a test, for restarts and several instances side by side. */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on a random port with these properties (use {@link TestBackends#properties()} as a base). */
    public static AppInstance start(Map<String, String> properties) {
        return start(properties, new Class<?>[0]);
    }

    /** Starts an instance with extra configuration classes (fault injection). */
    public static AppInstance start(Map<String, String> properties, Class<?>... extraSources) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.putIfAbsent("server.port", "0");
        List<String> args = new ArrayList<>();
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        List<Class<?>> sources = new ArrayList<>(List.of(Application.class));
        sources.addAll(List.of(extraSources));
        return new AppInstance(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
