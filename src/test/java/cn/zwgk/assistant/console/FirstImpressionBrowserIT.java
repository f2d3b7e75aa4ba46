package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.SharedBrowser;

/** What a new user of the console sees first, measured in real headless Chromium: icon, buttons, labels. */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class FirstImpressionBrowserIT {

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    @Test
    void theIconIsServedToEveryoneNotRefused() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0); // an ICO header
    }

    @Test
    void theRegisterButtonIsSizedLikeAButtonAndLabelsSitAboveTheirFields() {
        String handler = ConsoleUsers.ensure(accounts, "browser-first-look", Role.HANDLER);
        Browser b = browsers.get(port);
        b.login(handler, ConsoleUsers.PASSWORD);

        b.go("/console/cases");
        WebElement register = b.waitFor(By.id("register-link"));
        WebElement heading = b.driver().findElement(By.cssSelector("main h1"));
        WebElement filter = b.driver().findElement(By.id("filter-submit"));
        assertThat(px(register.getCssValue("font-size"))).as("the register link's text")
                .isLessThan(px(heading.getCssValue("font-size")))
                .isEqualTo(px(filter.getCssValue("font-size")));
        assertThat(register.getRect().getHeight()).as("as tall as the other buttons")
                .isBetween(filter.getRect().getHeight() - 2, filter.getRect().getHeight() + 2);
        b.screenshot("cases-head");

        b.go("/console/reminders");
        WebElement text = b.waitFor(By.id("reminder-text"));
        WebElement label = text.findElement(By.xpath(".."));
        Rectangle field = text.getRect();
        Rectangle whole = label.getRect();
        assertThat(field.getY() - whole.getY()).as("the label's text is above its textarea, not beside its last line")
                .isGreaterThanOrEqualTo(12);
        assertThat(field.getX()).isEqualTo(whole.getX());
        b.screenshot("reminders-form");
    }

    private static double px(String cssValue) {
        return Double.parseDouble(cssValue.replace("px", ""));
    }
}
