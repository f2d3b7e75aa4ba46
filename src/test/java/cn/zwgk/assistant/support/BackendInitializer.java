package cn.zwgk.assistant.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Puts {@link TestBackends#properties()} in front of the application's own configuration. */
public class BackendInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new LinkedHashMap<>(TestBackends.properties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testBackends", props));
    }
}
