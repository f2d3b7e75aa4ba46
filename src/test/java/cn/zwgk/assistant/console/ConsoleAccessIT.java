package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleAccessMatrix;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.EndpointMappings;
import cn.zwgk.assistant.support.IntegrationTest;

/**
 * The console's role × page matrix, like the API's: every {@code /console} mapping, signed out and
 * as each role, with a valid CSRF token on the posts so that only the role decides. The expected
 * table is the tests' own ({@link ConsoleAccessMatrix}, shared with the faster {@code ConsoleAccessSliceTest});
 * a console mapping missing from it fails the test. This one signs in for real, keeps the session's
 * CSRF token and renders every page without path variables (200 for the roles allowed).
 */
@IntegrationTest
class ConsoleAccessIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    @Test
    void everyConsoleMappingIsInTheMatrix() {
        assertThat(EndpointMappings.of(mappings, p -> p.equals("/console") || p.startsWith("/console/")))
                .containsExactlyInAnyOrderElementsOf(ConsoleAccessMatrix.EXPECTED.keySet());
    }

    @Test
    void eachRoleReachesExactlyItsPages() {
        Map<Role, ConsoleSession> sessions = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String username = "console-matrix-" + role.name().toLowerCase();
            if (accounts.find(username).isEmpty()) {
                accounts.create(username, role.name(), "console-matrix-pw", Set.of(role));
            }
            ConsoleSession session = new ConsoleSession(port);
            assertThat(session.login(username, "console-matrix-pw").statusCode()).isEqualTo(302);
            session.get("/console"); // a page with the CSRF token
            sessions.put(role, session);
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : ConsoleAccessMatrix.EXPECTED.entrySet()) {
            boolean post = entry.getKey().startsWith("POST ");
            String path = EndpointMappings.concrete(entry.getKey().substring(entry.getKey().indexOf(' ') + 1), ConsoleAccessMatrix.PATH_VALUES);
            ConsoleSession anonymous = new ConsoleSession(port);
            HttpResponse<String> signedOut = post ? anonymous.postForm(path, Map.of()) : anonymous.get(path);
            boolean toLogin = signedOut.statusCode() == 302
                    && signedOut.headers().firstValue("Location").orElse("").endsWith("/login");
            if (post ? signedOut.statusCode() != 403 && !toLogin : !toLogin) {
                wrong.add(entry.getKey() + " signed out → " + signedOut.statusCode());
            }
            for (Role role : Role.values()) {
                ConsoleSession s = sessions.get(role);
                int status = (post ? s.postForm(path, Map.of()) : s.get(path)).statusCode();
                boolean allowed = entry.getValue().contains(role.name());
                boolean pageWithoutVariables = !post && !entry.getKey().contains("{");
                if (allowed ? status == 403 || (pageWithoutVariables && status != 200) : status != 403) {
                    wrong.add(entry.getKey() + " as " + role + " → " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
