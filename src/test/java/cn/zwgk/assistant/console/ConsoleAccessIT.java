package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.EndpointMappings;
import cn.zwgk.assistant.support.IntegrationTest;

/**
 * The console's role × page matrix, like the API's: every {@code /console} mapping, signed out and
 * as each role, with a valid CSRF token on the posts so that only the role decides. The expected
 * table is this test's own; a console mapping missing from it fails the test.
 */
@IntegrationTest
class ConsoleAccessIT {

    private static final Set<String> ALL = Set.of("ADMIN", "HANDLER", "SUPERVISOR", "COMMS");
    private static final Set<String> CASEWORK = Set.of("ADMIN", "HANDLER", "SUPERVISOR");
    private static final Set<String> OPINION = Set.of("ADMIN", "COMMS");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /console", ALL);
        EXPECTED.put("GET /console/dashboard/volume", ALL);
        EXPECTED.put("GET /console/kb", ALL);
        EXPECTED.put("GET /console/kb/{id}/edit", ALL);
        EXPECTED.put("POST /console/kb/try", ALL);
        EXPECTED.put("POST /console/kb/upload", ADMIN);
        EXPECTED.put("POST /console/kb/reindex", ADMIN);
        EXPECTED.put("POST /console/kb/{id}/edit", ADMIN);
        EXPECTED.put("POST /console/kb/{id}/repeal", ADMIN);
        EXPECTED.put("GET /console/cases", CASEWORK);
        EXPECTED.put("GET /console/cases/new", CASEWORK);
        EXPECTED.put("POST /console/cases/new", CASEWORK);
        EXPECTED.put("GET /console/cases/{trackingNo}", CASEWORK);
        EXPECTED.put("POST /console/cases/{trackingNo}/act/{action}", CASEWORK);
        EXPECTED.put("POST /console/cases/{trackingNo}/attachments", CASEWORK);
        EXPECTED.put("GET /console/handoff", CASEWORK);
        EXPECTED.put("GET /console/gaps", CASEWORK);
        EXPECTED.put("GET /console/faq", CASEWORK);
        EXPECTED.put("POST /console/faq", CASEWORK);
        EXPECTED.put("POST /console/faq/{id}/approve", Set.of("ADMIN", "SUPERVISOR"));
        EXPECTED.put("POST /console/faq/{id}/withdraw", CASEWORK);
        EXPECTED.put("GET /console/faq/export", CASEWORK);
        EXPECTED.put("POST /console/faq/import", CASEWORK);
        EXPECTED.put("GET /console/handoff/{id}", CASEWORK);
        EXPECTED.put("POST /console/handoff/{id}/take", CASEWORK);
        EXPECTED.put("POST /console/handoff/{id}/reply", CASEWORK);
        EXPECTED.put("POST /console/handoff/{id}/close", CASEWORK);
        EXPECTED.put("GET /console/incidents", OPINION);
        EXPECTED.put("POST /console/incidents", OPINION);
        EXPECTED.put("GET /console/incidents/{id}", OPINION);
        EXPECTED.put("POST /console/incidents/{id}/milestones/{name}", OPINION);
        EXPECTED.put("POST /console/incidents/{id}/responses", OPINION);
        EXPECTED.put("POST /console/incidents/{id}/responses/{responseId}/approve", OPINION);
        EXPECTED.put("POST /console/incidents/{id}/responses/{responseId}/withdraw", OPINION);
        EXPECTED.put("GET /console/alerts", OPINION);
        EXPECTED.put("POST /console/alerts/{id}/confirm", OPINION);
        EXPECTED.put("POST /console/alerts/{id}/dismiss", OPINION);
        EXPECTED.put("GET /console/reminders", ALL);
        EXPECTED.put("POST /console/reminders", ALL);
        EXPECTED.put("POST /console/reminders/{id}/cancel", ALL);
        EXPECTED.put("GET /console/staff", ADMIN);
        EXPECTED.put("POST /console/staff", ADMIN);
        EXPECTED.put("POST /console/staff/{id}/binding-code", ADMIN);
        EXPECTED.put("GET /console/calendar", ALL);
        EXPECTED.put("POST /console/calendar/days", ADMIN);
        EXPECTED.put("POST /console/calendar/days/{day}/delete", ADMIN);
        EXPECTED.put("POST /console/calendar/years/{year}/publish", ADMIN);
        EXPECTED.put("GET /console/conversations", Set.of("ADMIN", "SUPERVISOR"));
        EXPECTED.put("GET /console/users", ADMIN);
        EXPECTED.put("POST /console/users", ADMIN);
        EXPECTED.put("POST /console/users/{username}/enabled", ADMIN);
        EXPECTED.put("POST /console/users/{username}/password", ADMIN);
        EXPECTED.put("POST /console/users/{username}/roles", ADMIN);
        EXPECTED.put("POST /console/users/{username}/unlock", ADMIN);
        EXPECTED.put("GET /console/config", ADMIN);
    }

    private static final Map<String, String> PATH_VALUES = Map.of("{id}", "987654321", "{trackingNo}", "NO-SUCH-CASE",
            "{action}", "accept", "{day}", "1900-01-01", "{year}", "1900", "{responseId}", "987654321",
            "{name}", "response", "{username}", "no-such-user");

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
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
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
        for (Map.Entry<String, Set<String>> entry : EXPECTED.entrySet()) {
            boolean post = entry.getKey().startsWith("POST ");
            String path = EndpointMappings.concrete(entry.getKey().substring(entry.getKey().indexOf(' ') + 1), PATH_VALUES);
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
