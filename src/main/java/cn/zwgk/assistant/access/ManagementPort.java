package cn.zwgk.assistant.access;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Requests that came in on the management server ({@code management.server.port}, on the loopback
 * address unless {@code MANAGEMENT_ADDRESS} says otherwise), where the actuator endpoints live. It
 * exists only when that port differs from the application's, so this never matches the main port.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent>, RequestMatcher {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return port > 0 && request.getLocalPort() == port;
    }
}
