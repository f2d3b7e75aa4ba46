package cn.zwgk.assistant.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.knowledge.ImportOptions;
import cn.zwgk.assistant.knowledge.ImportResult;
import cn.zwgk.assistant.knowledge.KnowledgeService;
import cn.zwgk.assistant.support.Browser;
import cn.zwgk.assistant.support.BrowserAvailable;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.SharedBrowser;

/** The knowledge-base screens in real headless Chromium: upload, the try box, and titles that try to be markup. */
@IntegrationTest
@ExtendWith(BrowserAvailable.class)
class KnowledgeBrowserIT {

    static final String TITLE = "关于开展社区老年助餐服务补贴的通知";
    static final String HOSTILE = "<img src=x onerror=alert(1)>助餐<script>alert(2)</script>公告";

    @RegisterExtension
    static final SharedBrowser browsers = new SharedBrowser();

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeService knowledge;

    private Browser browser() {
        return browsers.get(port, b -> b.login("admin", "admin"));
    }

    @Test
    void anAdminUploadsAPolicyAndTheTryBoxAnswersCitingIt() throws IOException {
        Path file = Files.createTempDirectory("kb-upload").resolve("elderly-meals.txt");
        Files.write(file, KnowledgeConsoleIT.sample("elderly-meals.txt"));
        Browser b = browser();
        b.go("/console/kb");
        b.driver().findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        b.driver().findElement(By.id("upload-submit")).click();
        assertThat(b.waitForText(By.cssSelector(".flash.ok"), "已导入").getText()).contains(TITLE);
        assertThat(b.driver().findElements(By.cssSelector("#documents .doc-title"))).extracting(WebElement::getText)
                .contains(TITLE);
        b.screenshot("kb-list");

        b.type(By.id("try-question"), "八十岁以上的老人在助餐点吃饭每餐补贴多少钱？");
        b.driver().findElement(By.id("try-submit")).click();
        WebElement citations = b.waitForText(By.id("try-citations"), TITLE);
        assertThat(citations.getText()).contains("示民发〔2026〕7号");
        assertThat(b.driver().findElement(By.id("try-answer")).getText()).contains("[1]").contains(TITLE);
        List<WebElement> rows = b.driver().findElements(By.cssSelector("#try-passages tr"));
        assertThat(rows).hasSizeGreaterThan(1);
        WebElement best = rows.get(1);
        assertThat(best.getText()).contains(TITLE);
        assertThat(best.findElement(By.cssSelector("td.score")).getText()).matches("\\d\\.\\d{4}");
        assertThat(Double.parseDouble(best.findElement(By.cssSelector("td.similarity")).getText())).isGreaterThan(0.45);
        b.screenshot("kb-try");
    }

    @Test
    void aTitleThatLooksLikeMarkupIsShownAsText() {
        ImportResult imported = knowledge.importDocuments(Map.of("xss-notice.txt", """
                关于公布社区议事会议题征集结果的公告
                发布机构：示范市某街道办事处
                发布日期：2026-04-01

                本次共征集议题四十二条，经居民代表投票，确定停车位划线和楼道照明改造两项为年度议题。
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ImportOptions.NONE).get(0);
        assertThat(imported.failed()).as(imported.error()).isFalse();
        Browser b = browser();
        b.go("/console/kb/" + imported.documentId() + "/edit");
        b.type(By.id("title"), HOSTILE);
        b.driver().findElement(By.id("edit-submit")).click();
        b.waitForText(By.cssSelector(".flash.ok"), "已保存");

        WebElement title = b.driver().findElement(By.cssSelector("#doc-" + imported.documentId() + " .doc-title"));
        assertThat(title.getText()).isEqualTo(HOSTILE);
        assertThat(b.driver().findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(b.driver().findElements(By.cssSelector("main script"))).isEmpty();
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains(HOSTILE);

        b.type(By.id("try-question"), "社区议事会今年确定了哪些议题？");
        b.driver().findElement(By.id("try-submit")).click();
        b.waitForText(By.id("try-passages"), "停车位划线");
        assertThat(b.driver().findElement(By.id("try-passages")).getText()).contains(HOSTILE);
        assertThat(b.driver().findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(b.driver().findElements(By.cssSelector("main script"))).isEmpty();
        assertThat(noAlert()).isTrue();
        b.screenshot("kb-xss-as-text");
    }

    private boolean noAlert() {
        try {
            browser().driver().switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }
}
