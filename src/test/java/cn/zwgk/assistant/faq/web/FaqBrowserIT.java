package cn.zwgk.assistant.faq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.faq.StandardAnswer;
import cn.zwgk.assistant.faq.StandardAnswers;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.SharedBrowser;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * In real headless Chromium: a handler answers a gap from 待完善问题 with a standard answer (the form
 * comes prefilled with the question); a supervisor approves it and sends it to who asked; the next
 * citizen asking gets it over the webhook. A handler has no approve button; markup stays text.
 */
@ExtendWith(BrowserAvailable.class)
class FaqBrowserIT extends ChannelIntegrationTest {

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @Autowired
    UserAccounts accounts;

    @Autowired
    StandardAnswers answers;

    /** Other tests ask this question and expect "not found": the answer published here goes again. */
    @AfterEach
    void withdraw() {
        answers.all().stream().filter(a -> a.question().startsWith("政务公开的基本原则是什么"))
                .filter(a -> a.status() == StandardAnswer.Status.APPROVED || a.status() == StandardAnswer.Status.PENDING)
                .forEach(a -> answers.withdraw(a.id(), "cleanup"));
    }

    @Test
    void aHandlerAnswersAGapAndASupervisorPublishesIt() {
        WechatTestClient city = city();
        awaitKnowledgeLoaded();
        String asker = newOpenid("faqbrowser");
        assertThat(ask(city, asker, "政务公开的基本原则是什么？")).contains("没有找到");
        String tag = Long.toString(WechatTestClient.nextMsgId(), 36);
        accounts.create("faq-h-" + tag, "承办人赵", "handler-password-3", Set.of(Role.HANDLER));
        accounts.create("faq-s-" + tag, "科长钱", "supervisor-password-3", Set.of(Role.SUPERVISOR));

        Browser b = browsers.get(port);
        b.login("faq-h-" + tag, "handler-password-3");
        b.go("/console/gaps");
        b.waitFor(By.id("gaps")).findElements(By.cssSelector("tr.gap")).stream()
                .filter(r -> r.getText().contains("政务公开的基本原则是什么")).findFirst().orElseThrow()
                .findElement(By.cssSelector("a.answer-gap")).click();
        assertThat(b.waitFor(By.id("faq-question")).getAttribute("value")).isEqualTo("政务公开的基本原则是什么？");
        b.type(By.id("faq-phrasings"), "政务公开要坚持哪些原则");
        b.type(By.id("faq-answer"), "政务公开坚持依法公开、真实公正、注重实效、有利监督的原则<b>。");
        b.type(By.id("faq-source"), "《示例市政务公开工作规定》第二条");
        b.driver().findElement(By.id("faq-submit")).click();
        assertThat(b.waitFor(By.cssSelector(".flash.ok")).getText()).contains("须由科室负责人或管理员中的另一人审核");
        assertThat(b.driver().findElements(By.cssSelector("#faqs form.approve"))).as("a handler does not approve").isEmpty();
        b.screenshot("faq-pending");

        b.driver().manage().deleteAllCookies();
        b.login("faq-s-" + tag, "supervisor-password-3");
        b.go("/console/faq");
        WebElement row = b.waitFor(By.id("faqs")).findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.getText().contains("政务公开的基本原则是什么")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("<b>");
        row.findElement(By.cssSelector("form.approve input[name=push]")).click();
        row.findElement(By.cssSelector("form.approve button")).click();
        assertThat(b.waitFor(By.cssSelector(".flash.ok")).getText()).contains("已发布", "位群众");
        b.screenshot("faq-approved");

        wechatApi().awaitSent(m -> asker.equals(m.toUser()) && m.content().contains("有利监督"), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("who asked was not sent the standard answer"));
        assertThat(ask(city, newOpenid("faqnext"), "政务公开遵循什么原则")).contains("有利监督", "出处：《示例市政务公开工作规定》第二条");
    }

    private String ask(WechatTestClient client, String openid, String text) {
        return WechatTestClient.extract(client.postPlain(client.textXml(openid, text, WechatTestClient.nextMsgId())).body(),
                "Content");
    }
}
