package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.disclosure.web.CasesConsoleIT;
import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;

/**
 * SQL and HTML typed into console forms and filters (issue 7/7's bad-input catalogue): stored
 * exactly as typed, shown as text, and no table harmed; a filter matches literally.
 */
@IntegrationTest
class ConsoleInjectionIT {

    static final String SQL = "Robert'); DROP TABLE disclosure_case;--";
    static final String OR_TRUE = "' OR '1'='1";
    static final String HTML = "<img src=x onerror=alert(1)>";

    @Autowired
    UserAccounts accounts;
    @Autowired
    DisclosureService disclosures;
    @Autowired
    StaffDirectory staff;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private ConsoleSession signIn(String username, Role role) {
        return ConsoleUsers.signIn(port, accounts, username, role);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void filtersTakeSqlAndWildcardsLiterally() {
        CaseView c = CasesConsoleIT.letter(disclosures, "本区2025年河道清淤工程验收报告");
        ConsoleSession handler = signIn("inject-supervisor", Role.SUPERVISOR);
        for (String payload : List.of(OR_TRUE, SQL, "%", "_", "!%")) {
            HttpResponse<String> cases = handler.get("/console/cases?q=" + q(payload));
            assertThat(cases.statusCode()).as(payload).isEqualTo(200);
            assertThat(cases.body()).as(payload).doesNotContain(c.trackingNo());
            HttpResponse<String> log = handler.get("/console/conversations?text=" + q(payload) + "&user=" + q(OR_TRUE));
            assertThat(log.statusCode()).as(payload).isEqualTo(200);
            assertThat(log.body()).as(payload).contains("value=\"" + payload.replace("'", "&#39;") + "\"");
        }
        assertThat(handler.get("/console/cases?q=" + q("河道清淤")).body()).contains(c.trackingNo());
        assertThat(jdbc.sql("select count(*) from disclosure_case").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from conversation_log").query(Long.class).single()).isNotNegative();
    }

    @Test
    void aStaffMemberNamedLikeSqlWithMarkupInTheDepartmentIsStoredAsTypedAndShownAsText() {
        ConsoleSession admin = signIn("inject-admin", Role.ADMIN);
        String name = "王" + UUID.randomUUID().toString().substring(0, 4) + SQL;
        HttpResponse<String> added = admin.postForm("/console/staff",
                Map.of("name", name, "department", "办公室" + HTML, "roles", "HANDLER"));
        assertThat(added.statusCode()).isEqualTo(302);
        StaffMember stored = staff.all().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        assertThat(stored.department()).isEqualTo("办公室" + HTML);
        String page = admin.get("/console/staff").body();
        assertThat(page).doesNotContain(HTML).contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("DROP TABLE disclosure_case;--");
        assertThat(jdbc.sql("select count(*) from disclosure_case").query(Long.class).single()).isNotNegative();
    }

    @Test
    void aReplyTextAndAnIncidentTitleWithMarkupAndSqlAreKeptAndEscaped() {
        CaseView c = CasesConsoleIT.letter(disclosures, "本区2025年路灯维修台账");
        ConsoleSession handler = signIn("inject-handler2", Role.HANDLER);
        handler.get("/console/cases/" + c.trackingNo());
        String text = "经检索，" + HTML + OR_TRUE + "<script>alert(2)</script>";
        assertThat(handler.postForm("/console/cases/" + c.trackingNo() + "/act/accept", Map.of()).statusCode()).isEqualTo(302);
        assertThat(handler.postForm("/console/cases/" + c.trackingNo() + "/act/reply",
                Map.of("kind", "DOES_NOT_EXIST", "text", text)).statusCode()).isEqualTo(302);
        assertThat(disclosures.find(c.trackingNo()).orElseThrow().replyText()).isEqualTo(text);
        String detail = handler.get("/console/cases/" + c.trackingNo()).body();
        assertThat(detail).doesNotContain(HTML).doesNotContain("<script>alert(2)").contains("&lt;script&gt;alert(2)&lt;/script&gt;");

        ConsoleSession comms = signIn("inject-comms", Role.COMMS);
        String title = "西湖路" + UUID.randomUUID().toString().substring(0, 4) + SQL + HTML;
        HttpResponse<String> opened = comms.postForm("/console/incidents", Map.of("title", title, "severity", "GENERAL"));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(incidents.all().stream().map(Incident::title)).contains(title);
        String list = comms.get("/console/incidents").body();
        assertThat(list).doesNotContain(HTML).contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
