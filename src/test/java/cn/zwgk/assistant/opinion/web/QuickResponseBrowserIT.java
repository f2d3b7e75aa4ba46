package cn.zwgk.assistant.opinion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.SharedBrowser;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * In real headless Chromium: a communications officer opens an incident and publishes a 口径, a
 * citizen asking over the WeChat webhook gets it as the answer, and after withdrawal no longer
 * does; markup typed into the title and the 口径 stays text. Then an administrator's screens.
 */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class QuickResponseBrowserIT {

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StaffDirectory staff;

    private Browser browser() {
        return browsers.get(port);
    }

    @Test
    void anOfficerPublishesAQuickResponseThatCitizensGetUntilItIsWithdrawn() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String place = "翠湖" + tag + "商场";
        String xss = "<script>alert(1)</script>";
        String officer = "comms-" + tag;
        accounts.create(officer, "宣传科张", "comms-password-1", Set.of(Role.COMMS));
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);

        Browser b = browser();
        b.login(officer, "comms-password-1");
        b.go("/console/incidents");
        b.type(By.id("incident-title"), place + "起火" + xss);
        new Select(b.waitFor(By.id("incident-severity"))).selectByValue("MAJOR");
        b.type(By.id("incident-keywords"), place);
        b.driver().findElement(By.id("incident-submit")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "已登记舆情事件");
        assertThat(b.waitFor(By.id("incident-heading")).getText()).contains(place + "起火" + xss);
        assertThat(b.driver().findElements(By.cssSelector("#clocks tr[id^=milestone-]"))).hasSize(2);

        String text = "经核实，" + place + "一处店铺起火，明火已扑灭，无人员伤亡。" + xss;
        b.type(By.id("response-text"), text);
        b.driver().findElement(By.id("response-submit")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "口径第 1 版已发布");
        assertThat(b.driver().findElement(By.cssSelector("#current-response .response-text")).getText()).isEqualTo(text);
        assertNoAlert(b);
        b.screenshot("incident-detail");

        String answer = reply(wechat.postPlain(wechat.textXml("oCitizen" + tag, place + "起火有人受伤吗",
                WechatTestClient.nextMsgId())).body());
        assertThat(answer).contains("明火已扑灭，无人员伤亡");

        b.driver().findElement(By.id("withdraw-current")).click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        b.waitForText(By.cssSelector(".flash.ok"), "已撤回");
        assertThat(b.driver().findElement(By.id("history")).getText()).contains("已撤回");
        b.screenshot("incident-withdrawn");
        String after = reply(wechat.postPlain(wechat.textXml("oCitizen2" + tag, place + "起火有人受伤吗",
                WechatTestClient.nextMsgId())).body());
        assertThat(after).doesNotContain("明火已扑灭");

        b.go("/console/incidents");
        assertThat(b.waitFor(By.id("incident-list")).getText()).contains(place + "起火" + xss);
        assertNoAlert(b);
        b.screenshot("incidents");
        b.driver().findElement(By.cssSelector("form.logout button")).click();
        b.waitFor(By.cssSelector(".login-box"));
    }

    @Test
    void anAdministratorWorksTheStaffReminderCalendarUserAndConfigScreens() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        staff.add("值班员" + tag, "办公室", Set.of(Role.HANDLER), "oDuty" + tag, null);
        Browser b = browser();
        b.login("admin", "admin");

        b.go("/console/staff");
        b.type(By.id("staff-name"), "宣传员" + tag);
        b.type(By.id("staff-department"), "宣传科");
        b.driver().findElement(By.cssSelector("#staff-new input[value=COMMS]")).click();
        b.driver().findElement(By.id("staff-submit")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "已添加工作人员");
        b.driver().findElements(By.cssSelector("#staff-list tr")).stream()
                .filter(row -> row.getText().contains("宣传员" + tag)).findFirst().orElseThrow()
                .findElement(By.cssSelector(".binding-button")).click();
        String code = b.waitFor(By.id("binding-code-value")).getText();
        assertThat(code).matches("\\d{6}");
        assertThat(b.driver().findElement(By.id("binding-instruction")).getText()).isEqualTo("请本人用微信向公众号发送：绑定 " + code);
        b.screenshot("staff-binding-code");

        b.go("/console/reminders");
        b.type(By.id("reminder-text"), "下午三点前报送季度公开统计表" + tag);
        b.driver().findElement(By.cssSelector("input[name=recipients][value=oDuty" + tag + "]")).click();
        LocalDateTime at = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withHour(9).withMinute(30);
        // the picker's typed format depends on the locale: set the value as the picker would
        b.driver().executeScript("arguments[0].value = arguments[1]", b.waitFor(By.id("reminder-at")),
                at.withSecond(0).withNano(0).toString());
        b.driver().findElement(By.id("reminder-submit")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "已设置提醒");
        assertThat(b.driver().findElement(By.id("pending")).getText()).contains("下午三点前报送季度公开统计表" + tag)
                .contains("值班员" + tag);
        b.screenshot("reminders");

        b.go("/console/calendar");
        b.waitFor(By.id("days"));
        b.screenshot("calendar");
        b.go("/console/users");
        b.waitFor(By.id("user-list"));
        b.screenshot("users");
        b.go("/console/config");
        assertThat(b.waitFor(By.id("accounts")).getText()).contains("已配置 ••••").doesNotContain("local-dev-secret");
        b.screenshot("config");
        b.go("/console/alerts");
        b.waitFor(By.cssSelector("main h1"));
        b.screenshot("alerts");
    }

    private static void assertNoAlert(Browser b) {
        try {
            b.driver().switchTo().alert();
            throw new AssertionError("a script ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // markup stayed text
        }
    }

    private static String reply(String xml) {
        int start = xml.indexOf("<Content><![CDATA[");
        return start < 0 ? "" : xml.substring(start + 18, xml.indexOf("]]></Content>", start));
    }
}
