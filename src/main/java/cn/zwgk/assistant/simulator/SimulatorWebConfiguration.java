package cn.zwgk.assistant.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the page's script and style sheet at {@code /simulator/assets/**}. They live outside
 * {@code static/} so that nothing under {@code /simulator} answers when the simulator is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("simulator.enabled")
class SimulatorWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/simulator/assets/**").addResourceLocations("classpath:/simulator-assets/");
    }
}
