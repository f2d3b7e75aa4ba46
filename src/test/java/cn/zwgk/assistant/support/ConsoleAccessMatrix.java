package cn.zwgk.assistant.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The console's role × endpoint matrix: which roles may call each {@code /console} mapping. The tests'
 * own table, shared by the full-context {@code ConsoleAccessIT} and its fast slice twin
 * {@code ConsoleAccessSliceTest}; a console mapping missing from it fails both.
 */
public final class ConsoleAccessMatrix {

    private static final Set<String> ALL = Set.of("ADMIN", "HANDLER", "SUPERVISOR", "COMMS");
    private static final Set<String> CASEWORK = Set.of("ADMIN", "HANDLER", "SUPERVISOR");
    private static final Set<String> OPINION = Set.of("ADMIN", "COMMS");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final Map<String, Set<String>> TABLE = new LinkedHashMap<>();
    /** "METHOD /path" → the roles allowed. */
    public static final Map<String, Set<String>> EXPECTED = Collections.unmodifiableMap(TABLE);

    static {
        TABLE.put("GET /console", ALL);
        TABLE.put("GET /console/dashboard/volume", ALL);
        TABLE.put("GET /console/kb", ALL);
        TABLE.put("GET /console/kb/{id}/edit", ALL);
        TABLE.put("POST /console/kb/try", ALL);
        TABLE.put("POST /console/kb/upload", ADMIN);
        TABLE.put("POST /console/kb/reindex", ADMIN);
        TABLE.put("POST /console/kb/{id}/edit", ADMIN);
        TABLE.put("POST /console/kb/{id}/repeal", ADMIN);
        TABLE.put("GET /console/cases", CASEWORK);
        TABLE.put("GET /console/cases/new", CASEWORK);
        TABLE.put("POST /console/cases/new", CASEWORK);
        TABLE.put("GET /console/cases/{trackingNo}", CASEWORK);
        TABLE.put("POST /console/cases/{trackingNo}/act/{action}", CASEWORK);
        TABLE.put("POST /console/cases/{trackingNo}/attachments", CASEWORK);
        TABLE.put("GET /console/handoff", CASEWORK);
        TABLE.put("GET /console/gaps", CASEWORK);
        TABLE.put("GET /console/faq", CASEWORK);
        TABLE.put("POST /console/faq", CASEWORK);
        TABLE.put("POST /console/faq/{id}/approve", Set.of("ADMIN", "SUPERVISOR"));
        TABLE.put("POST /console/faq/{id}/withdraw", CASEWORK);
        TABLE.put("GET /console/faq/export", CASEWORK);
        TABLE.put("POST /console/faq/import", CASEWORK);
        TABLE.put("GET /console/handoff/{id}", CASEWORK);
        TABLE.put("POST /console/handoff/{id}/take", CASEWORK);
        TABLE.put("POST /console/handoff/{id}/reply", CASEWORK);
        TABLE.put("POST /console/handoff/{id}/close", CASEWORK);
        TABLE.put("GET /console/incidents", OPINION);
        TABLE.put("POST /console/incidents", OPINION);
        TABLE.put("GET /console/incidents/{id}", OPINION);
        TABLE.put("POST /console/incidents/{id}/milestones/{name}", OPINION);
        TABLE.put("POST /console/incidents/{id}/responses", OPINION);
        TABLE.put("POST /console/incidents/{id}/responses/{responseId}/approve", OPINION);
        TABLE.put("POST /console/incidents/{id}/responses/{responseId}/withdraw", OPINION);
        TABLE.put("GET /console/alerts", OPINION);
        TABLE.put("POST /console/alerts/{id}/confirm", OPINION);
        TABLE.put("POST /console/alerts/{id}/dismiss", OPINION);
        TABLE.put("GET /console/reminders", ALL);
        TABLE.put("POST /console/reminders", ALL);
        TABLE.put("POST /console/reminders/{id}/cancel", ALL);
        TABLE.put("GET /console/staff", ADMIN);
        TABLE.put("POST /console/staff", ADMIN);
        TABLE.put("POST /console/staff/{id}/binding-code", ADMIN);
        TABLE.put("GET /console/calendar", ALL);
        TABLE.put("POST /console/calendar/days", ADMIN);
        TABLE.put("POST /console/calendar/days/{day}/delete", ADMIN);
        TABLE.put("POST /console/calendar/years/{year}/publish", ADMIN);
        TABLE.put("GET /console/conversations", Set.of("ADMIN", "SUPERVISOR"));
        TABLE.put("GET /console/users", ADMIN);
        TABLE.put("POST /console/users", ADMIN);
        TABLE.put("POST /console/users/{username}/enabled", ADMIN);
        TABLE.put("POST /console/users/{username}/password", ADMIN);
        TABLE.put("POST /console/users/{username}/roles", ADMIN);
        TABLE.put("POST /console/users/{username}/unlock", ADMIN);
        TABLE.put("GET /console/config", ADMIN);
    }

    /** A value for each path variable: of nothing that exists, so that no call changes anything. */
    public static final Map<String, String> PATH_VALUES = Map.of("{id}", "987654321", "{trackingNo}", "NO-SUCH-CASE",
            "{action}", "accept", "{day}", "1900-01-01", "{year}", "1900", "{responseId}", "987654321",
            "{name}", "response", "{username}", "no-such-user");

    private ConsoleAccessMatrix() {
    }
}
