package cn.zwgk.assistant.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server takes requests, the start-up log says where the staff console is and how the first
 * sign-in goes. The password itself is printed only when it is still the embedded default, which
 * the README gives anyway; production refuses to start with it.
 */
@Component
class ConsoleGuide {

    private static final Logger log = LoggerFactory.getLogger(ConsoleGuide.class);
    static final String EMBEDDED_DEFAULT_PASSWORD = "admin";

    private final AccessProperties properties;

    ConsoleGuide(AccessProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port != null) {
            log.info(line(port));
        }
    }

    String line(String port) {
        String signIn = EMBEDDED_DEFAULT_PASSWORD.equals(properties.adminPassword())
                && !properties.requireStrongAdminPassword()
                ? "'" + properties.adminUsername() + "' / '" + EMBEDDED_DEFAULT_PASSWORD
                        + "' (the embedded default; set ADMIN_PASSWORD to change it)"
                : "'" + properties.adminUsername() + "' with ADMIN_PASSWORD";
        return "Staff console: http://localhost:" + port + "/console, first sign-in " + signIn;
    }
}
