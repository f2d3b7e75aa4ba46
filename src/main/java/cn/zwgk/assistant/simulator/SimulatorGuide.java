package cn.zwgk.assistant.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once the server takes requests, the start-up log says where to talk to the bot. */
@Component
@ConditionalOnBooleanProperty("simulator.enabled")
class SimulatorGuide {

    private static final Logger log = LoggerFactory.getLogger(SimulatorGuide.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port != null) {
            log.info(line(port));
        }
    }

    static String line(String port) {
        return "Chat simulator: http://localhost:" + port + "/simulator (talk to the bot as a WeChat user would)";
    }
}
