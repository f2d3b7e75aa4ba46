package cn.zwgk.assistant.platform;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the application's own port, for load balancers, while every actuator
 * endpoint (health included) lives on the management port ({@code management.server.port}, loopback
 * by default). The same answer as the endpoint's: the status, the components, no details; 503 when
 * something is down.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ServerPortHealth {

    private final HealthEndpointWebExtension health;

    ServerPortHealth(HealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<HealthDescriptor> health() {
        WebEndpointResponse<HealthDescriptor> answer = health.health(ApiVersion.LATEST, WebServerNamespace.SERVER,
                SecurityContext.NONE);
        return ResponseEntity.status(answer.getStatus()).body(answer.getBody());
    }
}
