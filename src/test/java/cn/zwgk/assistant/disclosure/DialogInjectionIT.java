package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.support.AdminApi;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/**
 * SQL and HTML typed into the application dialog: stored exactly as typed (the database is only
 * ever given parameters), shown back to the citizen without a tag WeChat would render (a typed
 * {@code <a href>} never becomes a link in the bot's voice), and returned by the staff API as
 * JSON data. The tables are intact afterwards.
 */
@IntegrationTest
class DialogInjectionIT {

    private static final Pattern TRACKING_NO = Pattern.compile("YSQ-\\d{4}-\\d{6}");
    private static final String SQL_NAME = "Robert'); DROP TABLE disclosure_case;--";
    private static final String HTML = "<a href=\"http://evil.example/\">点此领取补贴</a><script>alert(1)</script>";
    private static final String DESCRIPTION = "2025年本区老旧小区改造资金安排' OR '1'='1 " + HTML;

    @LocalServerPort
    int port;
    @Autowired
    DisclosureService service;
    @Autowired
    JdbcClient jdbc;

    private String say(String openid, String text) {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        return WechatTestClient.extract(wechat.postPlain(wechat.textXml(openid, text, WechatTestClient.nextMsgId())).body(),
                "Content");
    }

    @Test
    void sqlAndHtmlInAnswersAreStoredAsTypedAndNeverRenderedAsALink() {
        long casesBefore = jdbc.sql("select count(*) from disclosure_case").query(Long.class).single();
        String user = "oInj" + UUID.randomUUID().toString().substring(0, 8);
        say(user, "我要申请公开");
        say(user, "公民");
        say(user, SQL_NAME);
        say(user, "11010519491231002X");
        say(user, "13800138000");
        say(user, DESCRIPTION);
        String summary = say(user, "电子版，网上获取");

        // the name is echoed masked (first character kept); the description as typed, inert
        assertThat(summary).contains("姓名：R***").doesNotContain(SQL_NAME).contains("' OR '1'='1").contains("点此领取补贴")
                .doesNotContain("<a ").doesNotContain("<script>").doesNotContain("</a>");

        Matcher no = TRACKING_NO.matcher(say(user, "确认"));
        assertThat(no.find()).isTrue();
        CaseView stored = service.find(no.group()).orElseThrow();
        assertThat(stored.applicantName()).isEqualTo(SQL_NAME);
        assertThat(stored.description()).isEqualTo(DESCRIPTION);
        assertThat(jdbc.sql("select count(*) from disclosure_case").query(Long.class).single()).isEqualTo(casesBefore + 1);

        String json = new AdminApi(port).get("/api/disclosures/" + no.group());
        assertThat(json).contains("Robert'); DROP TABLE disclosure_case;--");
        assertThat(say(user, "查询进度")).contains(no.group()).doesNotContain("<a ");
    }
}
