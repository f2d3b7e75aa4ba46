package cn.zwgk.assistant.disclosure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.SharedBrowser;

/** A handler takes a letter from received to replied through the case page in real headless Chromium. */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class CaseBrowserIT {

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DisclosureService disclosures;

    @Test
    void aLetterIsAcceptedAndRepliedThroughTheForms() {
        CaseView c = CasesConsoleIT.letter(disclosures, "本区2025年口袋公园建设项目验收报告");
        String handler = ConsoleUsers.ensure(accounts, "browser-handler", Role.HANDLER);
        Browser b = browsers.get(port);
        b.login(handler, ConsoleUsers.PASSWORD);

        b.go("/console/cases");
        b.type(By.id("filter-q"), "口袋公园");
        b.driver().findElement(By.id("filter-submit")).click();
        b.waitFor(By.linkText(c.trackingNo())).click();
        assertThat(b.waitFor(By.id("case-status")).getText()).isEqualTo("已收到");
        assertThat(b.driver().findElement(By.id("f-id")).getText()).isEqualTo("110***********002X");
        assertThat(timeline(b)).containsExactly("提交申请");
        b.screenshot("case-received");

        b.driver().findElement(By.cssSelector("#action-accept button")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "已受理");
        assertThat(b.driver().findElement(By.id("case-status")).getText()).isEqualTo("已受理");
        assertThat(timeline(b)).containsExactly("提交申请", "受理");
        assertThat(b.driver().findElements(By.id("action-accept"))).isEmpty();

        // a reply without its text is refused on the page, with the chosen kind kept
        new Select(b.driver().findElement(By.cssSelector("#action-reply select[name=kind]"))).selectByValue("DISCLOSED");
        b.driver().findElement(By.cssSelector("#action-reply button")).click();
        assertThat(b.waitFor(By.cssSelector(".flash.error")).getText()).contains("请选择答复类型并填写答复内容");
        assertThat(new Select(b.driver().findElement(By.cssSelector("#action-reply select[name=kind]")))
                .getFirstSelectedOption().getText()).isEqualTo("予以公开");
        assertThat(timeline(b)).containsExactly("提交申请", "受理");
        b.screenshot("case-reply-refused");

        b.type(By.cssSelector("#action-reply textarea[name=text]"), "所申请的验收报告已随本答复寄送，请查收。");
        b.driver().findElement(By.cssSelector("#action-reply button")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "已答复");
        assertThat(b.driver().findElement(By.id("case-status")).getText()).isEqualTo("已答复");
        assertThat(b.driver().findElement(By.id("f-reply-kind")).getText()).isEqualTo("予以公开");
        assertThat(timeline(b)).containsExactly("提交申请", "受理", "答复");
        List<WebElement> rows = b.driver().findElements(By.cssSelector("#timeline tr.event"));
        assertThat(rows.get(2).findElement(By.cssSelector(".event-status")).getText()).isEqualTo("已受理 → 已答复");
        assertThat(rows.get(2).getText()).contains(handler).contains("验收报告已随本答复寄送");
        b.screenshot("case-detail");
        assertThat(disclosures.find(c.trackingNo()).orElseThrow().status()).isEqualTo("REPLIED");
    }

    private static List<String> timeline(Browser b) {
        return b.driver().findElements(By.cssSelector("#timeline .event-action")).stream().map(WebElement::getText).toList();
    }
}
