package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.IntegrationTest;

/** Form login, the session cookie, CSRF, lockout and the audit of logins and actions. */
@IntegrationTest
class ConsoleLoginIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    @LocalServerPort
    int port;

    @Test
    void signingInOpensTheConsoleWithASecureSessionCookie() {
        accounts.create("login-handler", "经办人", "handler-password-1", Set.of(Role.HANDLER));
        ConsoleSession browser = new ConsoleSession(port);

        assertThat(browser.get("/console").statusCode()).isEqualTo(302); // to the login page
        HttpResponse<String> login = browser.login("login-handler", "handler-password-1");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ZWGK_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> dashboard = browser.get("/console");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("工作台").contains("login-handler");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
        // a handler's menu has no administration
        assertThat(dashboard.body()).doesNotContain("/console/users").doesNotContain("/console/config");
        assertThat(browser.get("/console/users").statusCode()).isEqualTo(403);
        assertThat(audit.forSubject("user:login-handler")).extracting(AuditLog.Entry::action).contains("LOGIN");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        accounts.create("csrf-admin", "管理员", "csrf-password-12", Set.of(Role.ADMIN));
        ConsoleSession browser = new ConsoleSession(port);
        browser.login("csrf-admin", "csrf-password-12");
        browser.get("/console");

        assertThat(browser.postFormRaw("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).isEqualTo(200); // still signed in
        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        accounts.create("lock-comms", "新闻发言人", "comms-password-1", Set.of(Role.COMMS));
        ConsoleSession browser = new ConsoleSession(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = browser.login("lock-comms", "wrong-password-" + i);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        }

        assertThat(browser.login("lock-comms", "comms-password-1").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("锁定");
        assertThat(basic("lock-comms", "comms-password-1")).isEqualTo(401); // the API too
        assertThat(accounts.find("lock-comms").orElseThrow().failedLogins()).isEqualTo(5);
        assertThat(audit.forSubject("user:lock-comms")).extracting(AuditLog.Entry::action)
                .contains("LOGIN_FAILED").doesNotContain("LOGIN");

        accounts.unlock("lock-comms");
        assertThat(browser.login("lock-comms", "comms-password-1").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    }

    @Test
    void apiChangesAreAuditedWithTheirUser() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/users"))
                .header("Authorization", auth("admin", "admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username":"audited-user","displayName":"张三","password":"audited-password-1","roles":["HANDLER"]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");
        assertThat(audit.forSubject("/api/users")).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("HTTP POST");
            assertThat(e.after()).contains("201");
        });
        assertThat(audit.forSubject("user:audited-user")).extracting(AuditLog.Entry::action).contains("USER_CREATED");
    }

    private int basic(String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reminders"))
                .header("Authorization", auth(user, password)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String auth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
