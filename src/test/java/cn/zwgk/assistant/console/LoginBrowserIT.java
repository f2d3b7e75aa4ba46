package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.SharedBrowser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.IntegrationTest;

/** Signing in and out in real headless Chromium. */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class LoginBrowserIT {

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    private Browser browser() {
        return browsers.get(port);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheDashboard() {
        accounts.create("browser-sup", "科长", "supervisor-pass-1", Set.of(Role.SUPERVISOR));
        Browser b = browser();
        b.go("/console");
        assertThat(b.path()).startsWith("/login");

        b.type(By.id("username"), "browser-sup");
        b.type(By.id("password"), "not-the-password");
        b.driver().findElement(By.id("login-submit")).click();
        assertThat(b.waitFor(By.id("login-error")).getText()).contains("用户名或密码不正确");
        b.screenshot("login-refused");

        b.login("browser-sup", "supervisor-pass-1");
        assertThat(b.path()).isEqualTo("/console");
        assertThat(b.waitFor(By.cssSelector("main h1")).getText()).isEqualTo("工作台");
        assertThat(b.driver().findElements(By.cssSelector("header.top nav a")))
                .extracting(e -> e.getText()).contains("依申请公开", "对话记录").doesNotContain("账号", "舆情与口径");
        b.screenshot("dashboard");

        b.driver().findElement(By.cssSelector("form.logout button")).click();
        assertThat(b.waitFor(By.cssSelector(".login-box")).getText()).contains("已退出登录");
    }
}
