package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import cn.zwgk.assistant.support.IntegrationTest;

/** With {@code simulator.enabled=false} (production) nothing of the simulator exists. */
@IntegrationTest
@TestPropertySource(properties = "simulator.enabled=false")
class SimulatorDisabledIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everySimulatorAddressIsNotFound() throws Exception {
        assertThat(status("GET", "/simulator")).isEqualTo(404);
        assertThat(status("GET", "/simulator/assets/simulator.js")).isEqualTo(404);
        assertThat(status("GET", "/simulator/api/messages?openid=oX")).isEqualTo(404);
        assertThat(status("POST", "/simulator/api/send")).isEqualTo(404);
        assertThat(status("GET", "/simulator/wx-api/cgi-bin/token?grant_type=client_credential&appid=a&secret=b"))
                .isEqualTo(404);
        assertThat(status("GET", "/")).isEqualTo(404);
    }

    @Test
    void noSimulatorBeans() {
        assertThat(context.getBeanNamesForType(WechatApiStandIn.class)).isEmpty();
        assertThat(context.getBeanNamesForType(WechatServerEmulator.class)).isEmpty();
    }

    private int status(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
