package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.MovableClock;

/** Form login, the session cookie, CSRF, one answer for every refused sign-in, the throttle, and the audit. */
@IntegrationTest
@Import(MovableClock.AsBean.class)
class ConsoleLoginIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    MovableClock clock;

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
    void everyRefusalGetsTheSameAnswerSoUserNamesCannotBeTold() throws Exception {
        accounts.create("same-handler", "经办人", "handler-password-2", Set.of(Role.HANDLER));
        accounts.create("same-disabled", "已停用", "disabled-password-2", Set.of(Role.HANDLER));
        accounts.setEnabled("same-disabled", false);

        List<String> answers = new ArrayList<>();
        for (String[] attempt : new String[][] {{"no-such-user", "whatever-password"}, {"same-handler", "wrong-password"},
                {"same-disabled", "disabled-password-2"}}) {
            ConsoleSession browser = new ConsoleSession(port);
            HttpResponse<String> refused = browser.login(attempt[0], attempt[1]);
            String page = browser.get("/login?error").body();
            String error = page.substring(page.indexOf("<p class=\"flash error\""));
            answers.add(refused.statusCode() + " " + refused.headers().firstValue("Location").orElse("") + " "
                    + error.substring(0, error.indexOf("</p>")).replaceAll("\\s+", " ") + " | API "
                    + basicAnswer(attempt[0], attempt[1]));
        }
        assertThat(answers.get(0)).contains("/login?error").contains("用户名或密码不正确").doesNotContain("锁定")
                .contains("API 401");
        assertThat(answers).as("unknown user, wrong password, disabled account").containsOnly(answers.get(0));
    }

    @Test
    void repeatedFailuresSlowTheNextAttemptsWithTheSameAnswerAndNothingLocks() throws Exception {
        accounts.create("slow-comms", "新闻发言人", "comms-password-1", Set.of(Role.COMMS));
        ConsoleSession browser = new ConsoleSession(port);
        for (int i = 0; i < 6; i++) {
            assertThat(browser.login("slow-comms", "wrong-password-" + i).headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        }
        // five failures are free; the sixth asks for 1 s before the next attempt: until then even the right
        // password gets the answer of a wrong one, on the console and the API (which count together)
        assertThat(loginGoesTo(browser, "comms-password-1")).contains("/login?error");
        assertThat(browser.get("/login?error").body()).contains("用户名或密码不正确").doesNotContain("锁定");
        assertThat(basic("slow-comms", "comms-password-1")).isEqualTo(401);
        clock.move(Duration.ofMillis(999));
        assertThat(loginGoesTo(browser, "comms-password-1")).contains("/login?error");
        clock.move(Duration.ofMillis(1));
        assertThat(loginGoesTo(browser, "wrong-password-7")).contains("/login?error");
        // the seventh failure doubles the wait
        clock.move(Duration.ofMillis(1999));
        assertThat(loginGoesTo(browser, "comms-password-1")).contains("/login?error");
        clock.move(Duration.ofMillis(1));
        assertThat(loginGoesTo(browser, "comms-password-1")).endsWith("/console");

        assertThat(audit.forSubject("user:slow-comms")).extracting(AuditLog.Entry::after)
                .anySatisfy(after -> assertThat(after).contains("Throttled"))
                .anySatisfy(after -> assertThat(after).contains("BadCredentialsException"));
        assertThat(audit.forSubject("user:slow-comms")).extracting(AuditLog.Entry::action).contains("LOGIN");
    }

    @Test
    void anAdministratorLiftsTheWaitAtOnce() {
        accounts.create("lifted-comms", "宣传岗", "comms-password-3", Set.of(Role.COMMS));
        ConsoleSession browser = new ConsoleSession(port);
        for (int i = 0; i < 9; i++) {
            browser.login("lifted-comms", "wrong-password-" + i);
        }
        assertThat(accounts.find("lifted-comms").orElseThrow().failedLogins()).isEqualTo(9);
        assertThat(browser.login("lifted-comms", "comms-password-3").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));

        accounts.unlock("lifted-comms");
        assertThat(accounts.find("lifted-comms").orElseThrow().failedLogins()).isZero();
        assertThat(browser.login("lifted-comms", "comms-password-3").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    }

    private String loginGoesTo(ConsoleSession browser, String password) {
        return browser.login("slow-comms", password).headers().firstValue("Location").orElse("");
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

    private String basicAnswer(String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/reminders"))
                .header("Authorization", auth(user, password)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.headers().firstValue("WWW-Authenticate").orElse("") + " "
                + response.body().replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private int basic(String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reminders"))
                .header("Authorization", auth(user, password)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String auth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
