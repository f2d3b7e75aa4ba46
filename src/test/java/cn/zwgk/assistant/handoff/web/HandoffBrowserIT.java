package cn.zwgk.assistant.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.disclosure.ActionRequest;
import cn.zwgk.assistant.disclosure.ApplicantType;
import cn.zwgk.assistant.disclosure.DeliveryWay;
import cn.zwgk.assistant.disclosure.DisclosureRequest;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.disclosure.InfoForm;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.SharedBrowser;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * In real headless Chromium: a citizen asks for a person over the webhook in working hours; a handler
 * finds the request in 人工服务, sees the earlier conversation masked, takes it, replies (the reply
 * reaches the stand-in WeChat API as a customer-service message and the screen says so) and closes it.
 */
@ExtendWith(BrowserAvailable.class)
class HandoffBrowserIT extends ChannelIntegrationTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @Autowired
    UserAccounts accounts;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DisclosureService cases;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aHandlerTakesRepliesAndClosesFromTheConsole() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        clock.advance(Duration.between(clock.instant(), day.atTime(LocalTime.of(10, 30)).atZone(OFFICE).toInstant()));
        WechatTestClient city = city();
        String openid = newOpenid("handoffbrowser");
        send(city, openid, "我的手机13912345678，想问低保的事");
        send(city, openid, "转人工");
        String open = cases.submitOnline(UUID.randomUUID().toString(), city.appId(), openid, application()).trackingNo();
        String withdrawn = cases.submitOnline(UUID.randomUUID().toString(), city.appId(), openid, application()).trackingNo();
        cases.act(withdrawn, "withdraw", new ActionRequest(null, null, null, "群众撤回", null, null, null, null), "handler");
        String user = "handoff-" + Long.toString(WechatTestClient.nextMsgId(), 36);
        accounts.create(user, "承办人王", "handler-password-1", Set.of(Role.HANDLER));

        Browser b = browsers.get(port);
        b.login(user, "handler-password-1");
        b.go("/console/handoff");
        String masked = openid.substring(0, 4) + "…" + openid.substring(openid.length() - 4);
        b.waitFor(By.id("handoffs"));
        b.screenshot("handoff-queue");
        b.driver().findElements(By.cssSelector("#handoffs tr")).stream()
                .filter(r -> r.getText().contains(masked)).findFirst().orElseThrow()
                .findElement(By.cssSelector("a")).click();

        String conversation = b.waitFor(By.id("conversation")).getText();
        assertThat(conversation).contains("139****5678").doesNotContain("13912345678");
        assertThat(b.driver().getPageSource()).doesNotContain(openid);
        assertThat(b.waitFor(By.id("open-cases")).getText()).as("only the cases still being handled")
                .contains(open).doesNotContain(withdrawn).doesNotContain("110105");
        b.waitFor(By.id("take")).click();
        assertThat(b.waitFor(By.cssSelector(".flash.ok")).getText()).contains("已接入");

        b.type(By.id("reply-text"), "您好，我是承办人，请讲。");
        b.driver().findElement(By.id("reply")).click();
        wechatApi().awaitSent(m -> openid.equals(m.toUser()) && "您好，我是承办人，请讲。".equals(m.content()),
                Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("the reply did not reach WeChat"));
        new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("conversation")).getText().contains("已送达微信");
        });
        b.screenshot("handoff-conversation");

        b.driver().findElement(By.id("close")).click();
        b.driver().switchTo().alert().accept();
        b.waitFor(By.cssSelector("main h1"));
        assertThat(b.path()).isEqualTo("/console/handoff");
        assertThat(b.driver().findElements(By.cssSelector("#handoffs tr")))
                .noneMatch(r -> r.getText().contains(masked));
    }

    private static DisclosureRequest application() {
        return new DisclosureRequest(ApplicantType.CITIZEN, "周九", null, null, "11010519491231002X", null, "13800138000", null,
                null, "2025年本区垃圾分类专项经费使用情况", null, InfoForm.ELECTRONIC, DeliveryWay.ONLINE);
    }

    private void send(WechatTestClient client, String openid, String text) {
        assertThat(client.post(client.signedQuery(clock.instant().getEpochSecond()),
                client.textXml(openid, text, WechatTestClient.nextMsgId()), Duration.ofSeconds(30)).statusCode())
                .isEqualTo(200);
    }
}
