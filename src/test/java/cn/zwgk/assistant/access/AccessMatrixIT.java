package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.EndpointMappings;
import cn.zwgk.assistant.support.IntegrationTest;

/**
 * The role × endpoint matrix: every {@code /api} endpoint the application maps, called without
 * credentials and as each role. The expected table is written out here, independently of
 * {@link AccessRules}; an endpoint missing from it fails the test, so new endpoints get a decision.
 */
@IntegrationTest
class AccessMatrixIT {

    private static final String A = "ADMIN", H = "HANDLER", S = "SUPERVISOR", C = "COMMS";
    private static final Set<String> ALL = Set.of(A, H, S, C);
    private static final Set<String> CASEWORK = Set.of(A, H, S);
    private static final Set<String> OPINION = Set.of(A, C);
    private static final Set<String> ADMIN = Set.of(A);

    /** "METHOD pattern" → the roles that may call it. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /api/reminders", ALL);
        EXPECTED.put("POST /api/reminders", ALL);
        EXPECTED.put("DELETE /api/reminders/{id}", ALL);
        EXPECTED.put("POST /api/reminders/proactive-disclosure", CASEWORK);
        EXPECTED.put("POST /api/reminders/interpretation", CASEWORK);
        EXPECTED.put("GET /api/staff", Set.of(A, S));
        EXPECTED.put("POST /api/staff", ADMIN);
        EXPECTED.put("POST /api/staff/{id}/binding-code", ADMIN);
        EXPECTED.put("GET /api/kb/search", ALL);
        EXPECTED.put("POST /api/kb/ask", ALL);
        EXPECTED.put("GET /api/kb/documents", ALL);
        EXPECTED.put("POST /api/kb/documents", ADMIN);
        EXPECTED.put("DELETE /api/kb/documents/{id}", ADMIN);
        EXPECTED.put("POST /api/kb/documents/{id}/repeal", ADMIN);
        EXPECTED.put("POST /api/kb/documents/{id}/supersede", ADMIN);
        EXPECTED.put("GET /api/wechat/accounts", ADMIN);
        EXPECTED.put("POST /api/wechat/{appId}/menu", ADMIN);
        EXPECTED.put("POST /api/disclosures", CASEWORK);
        EXPECTED.put("GET /api/disclosures", CASEWORK);
        EXPECTED.put("GET /api/disclosures/{trackingNo}", CASEWORK);
        EXPECTED.put("POST /api/disclosures/{trackingNo}/{action}", CASEWORK);
        EXPECTED.put("POST /api/disclosures/{trackingNo}/attachments", CASEWORK);
        EXPECTED.put("GET /api/disclosures/{trackingNo}/attachments", CASEWORK);
        EXPECTED.put("GET /api/disclosures/{trackingNo}/attachments/{id}", CASEWORK);
        EXPECTED.put("DELETE /api/disclosures/{trackingNo}/attachments/{id}", CASEWORK);
        EXPECTED.put("GET /api/calendar/add-working-days", ALL);
        EXPECTED.put("GET /api/calendar/days", ALL);
        EXPECTED.put("GET /api/calendar/status", ALL);
        EXPECTED.put("PUT /api/calendar/days/{day}", ADMIN);
        EXPECTED.put("DELETE /api/calendar/days/{day}", ADMIN);
        EXPECTED.put("PUT /api/calendar/years/{year}", ADMIN);
        EXPECTED.put("POST /api/incidents", OPINION);
        EXPECTED.put("GET /api/incidents", OPINION);
        EXPECTED.put("GET /api/incidents/{id}", OPINION);
        EXPECTED.put("POST /api/incidents/{id}/responses", OPINION);
        EXPECTED.put("POST /api/incidents/{id}/responses/{responseId}/approve", OPINION);
        EXPECTED.put("POST /api/incidents/{id}/responses/{responseId}/withdraw", OPINION);
        EXPECTED.put("POST /api/incidents/{id}/milestones/{name}", OPINION);
        EXPECTED.put("GET /api/opinion/alerts", OPINION);
        EXPECTED.put("POST /api/opinion/alerts/{id}/confirm", OPINION);
        EXPECTED.put("POST /api/opinion/alerts/{id}/dismiss", OPINION);
        EXPECTED.put("GET /api/users", ADMIN);
        EXPECTED.put("POST /api/users", ADMIN);
        EXPECTED.put("PUT /api/users/{username}/roles", ADMIN);
        EXPECTED.put("POST /api/users/{username}/enabled", ADMIN);
        EXPECTED.put("POST /api/users/{username}/unlock", ADMIN);
        EXPECTED.put("POST /api/users/{username}/password", ADMIN);
        EXPECTED.put("GET /api/audit", Set.of(A, S));
    }

    /** Harmless values for path variables: none of them names an existing thing or a valid change. */
    private static final Map<String, String> PATH_VALUES = Map.of("{id}", "987654321", "{trackingNo}", "NO-SUCH-CASE",
            "{action}", "accept", "{appId}", "wx-no-such-account", "{day}", "1900-01-01", "{year}", "1900",
            "{responseId}", "987654321", "{name}", "response", "{username}", "no-such-user");

    private static final String PASSWORD = "matrix-password-1";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void oneUserPerRole() {
        for (Role role : Role.values()) {
            if (accounts.find(user(role.name())).isEmpty()) {
                accounts.create(user(role.name()), role.name(), PASSWORD, Set.of(role));
            }
        }
    }

    @Test
    void everyApiEndpointIsInTheMatrix() {
        assertThat(EndpointMappings.of(mappings, p -> p.startsWith("/api/"))).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void eachRoleReachesExactlyItsEndpoints() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : EXPECTED.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = concrete(entry.getKey().substring(entry.getKey().indexOf(' ') + 1));
            int anonymous = call(method, path, null);
            if (anonymous != 401) {
                wrong.add(entry.getKey() + " without credentials → " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = call(method, path, user(role.name()));
                boolean allowed = entry.getValue().contains(role.name());
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(entry.getKey() + " as " + role + " → " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String user(String role) {
        return "matrix-" + role.toLowerCase();
    }

    private static String concrete(String pattern) {
        return EndpointMappings.concrete(pattern, PATH_VALUES);
    }

    private int call(String method, String path, String username) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
