package cn.zwgk.assistant.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.conversation.ConversationLog;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.LogFilter;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * A citizen's message reaches the conversation log masked and as text: markup in it is shown, never
 * run (stored XSS), and the dashboard draws the message volume.
 */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class ConversationLogBrowserIT {

    private static final String ID = "11010519491231002X";
    private static final String PHONE = "13912345678";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ConversationLog log;

    @Test
    void markupInACitizensMessageIsShownAsTextAndPersonalDataMasked() throws Exception {
        String marker = "xss" + Long.toString(WechatTestClient.nextMsgId(), 36);
        String hostile = "<img src=x onerror=\"document.title='" + marker + "'\"><script>document.title='" + marker
                + "'</script><b id=\"" + marker + "\">低保</b> 我的身份证" + ID + " 手机" + PHONE;
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String openid = "oBrowserLog" + marker;
        assertThat(wechat.postPlain(wechat.textXml(openid, hostile, WechatTestClient.nextMsgId())).statusCode()).isEqualTo(200);
        String hash = log.userHash(openid);
        org.awaitility.Awaitility.await("the message in the conversation log").atMost(Duration.ofSeconds(20))
                .until(() -> !log.recent(LogFilter.user(hash), 0).isEmpty());
        accounts.create("log-supervisor", "科长", "supervisor-pass-2", Set.of(Role.SUPERVISOR));

        try (Browser browser = Browser.open(port)) {
            browser.login("log-supervisor", "supervisor-pass-2");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    !d.findElements(By.cssSelector("#volume .chart[data-chart-ready=true] canvas")).isEmpty());
            browser.screenshot("dashboard-volume");

            browser.go("/console/conversations?text=" + marker);
            String shown = browser.waitFor(By.cssSelector("#conversation-log td.inbound")).getText();
            browser.screenshot("conversation-log");

            assertThat(shown).contains("<script>", "<img src=x", "<b id=\"" + marker + "\">")
                    .contains("110***********002X").contains("139****5678")
                    .doesNotContain(ID).doesNotContain(PHONE);
            assertThat(browser.driver().findElements(By.id(marker))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#conversation-log img, #conversation-log script"))).isEmpty();
            assertThat(browser.driver().getTitle()).doesNotContain(marker);
            assertThat(browser.driver().getPageSource()).doesNotContain(openid);
            String table = browser.driver().findElement(By.id("conversation-log")).getText();
            for (Intent intent : Intent.values()) {
                assertThat(table).as("intents are shown in Chinese").doesNotContain(intent.name());
            }
        }
    }
}
