package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.Redis;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/** Whole application conversations through the webhook, as WeChat would deliver them. */
@IntegrationTest
class DisclosureConversationIT {

    private static final Pattern TRACKING_NO = Pattern.compile("YSQ-\\d{4}-\\d{6}");
    private static final String APP_ID = "wx5f8e2d1c0b9a7e01";

    @LocalServerPort
    int port;
    @Autowired
    Texts texts;
    @Autowired
    DisclosureService service;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    OutboxService outbox;
    @Autowired
    Redis redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubmissionGate gate;
    @Autowired
    DisclosureProperties properties;

    private String say(String openid, String text) {
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String body = wechat.postPlain(wechat.textXml(openid, text, WechatTestClient.nextMsgId())).body();
        return WechatTestClient.extract(body, "Content");
    }

    private String t(String key, Object... args) {
        return texts.get("disclosure." + key, args);
    }

    private static String openid() {
        return "oDisc" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String trackingNo(String reply) {
        Matcher m = TRACKING_NO.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group();
    }

    @Test
    void happyPathWithSeveralAnswersInOneMessageAndACorrection() {
        String user = openid();
        String first = say(user, "我想申请公开2025年本区老旧小区改造项目的资金安排文件");
        assertThat(first).contains(t("start")).contains(t("ask.type"));
        assertThat(say(user, "公民")).contains(t("ask.name"));
        String both = say(user, "我叫张三，电话13800138000");
        // echoed masked: the answer is also cached in Redis and kept in the conversation log
        assertThat(both).contains("姓名 张*").contains("138****8000").doesNotContain("13800138000").contains(t("ask.id"));
        assertThat(say(user, "110101199003074478")).contains(t("invalid.id-checksum"));
        assertThat(say(user, "11010519491231002X")).contains(t("ask.form"));
        assertThat(say(user, "随便吧")).contains(t("not-understood")).contains(t("ask.form"));
        assertThat(say(user, "纸质的，邮寄给我")).contains(t("ask.address"));
        String summary = say(user, "北京市东城区正义路2号院3号楼 张三收");
        assertThat(summary).contains("110***********002X").doesNotContain("11010519491231002X")
                .contains("老旧小区改造").contains("北京市东城区****").doesNotContain("正义路2号院").contains("邮寄")
                .contains("姓名：张*");
        String corrected = say(user, "电话填错了，是13900139000");
        assertThat(corrected).contains("已记录：手机号码 139****9000").doesNotContain("138****8000");

        String done = say(user, "确认");
        String no = trackingNo(done);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate due = calendar.addWorkingDays(today, 20).date();
        assertThat(done).contains(DialogReplies.date(due)).contains(DialogReplies.date(today));

        CaseView stored = service.find(no).orElseThrow();
        assertThat(stored.status()).isEqualTo("RECEIVED");
        assertThat(stored.channel()).isEqualTo("ONLINE");
        assertThat(stored.openid()).isEqualTo(user);
        assertThat(stored.receivedOn()).isEqualTo(today.toString());
        assertThat(stored.phone()).isEqualTo("139****9000");
        assertThat(stored.applicantName()).isEqualTo("张三");
        assertThat(stored.delivery()).isEqualTo("MAIL");

        String draftData = jdbc.sql("select data_enc from disclosure_draft where tracking_no = ?").param(no)
                .query(String.class).single();
        assertThat(draftData).doesNotContain("13900139000").doesNotContain("张三");

        assertThat(say(user, "查询进度")).contains(no).contains(t("status.RECEIVED"));
        assertThat(say(user, no)).contains(no).contains(DialogReplies.date(due));
        assertThat(say(openid(), "查询 " + no)).contains(t("progress.not-found", no));

        service.act(no, "accept", null, "staff");
        assertThat(outbox.find("disclosure:" + no + ":v1")).hasValueSatisfying(m -> {
            assertThat(m.recipient()).isEqualTo(user);
            assertThat(m.payload()).contains(no);
        });
    }

    @Test
    void cancelDropsTheDraft() {
        String user = openid();
        say(user, "我要申请公开");
        say(user, "公民");
        assertThat(say(user, "取消")).isEqualTo(t("cancelled"));
        String after = say(user, "13800138000");
        assertThat(after).doesNotContain(t("noted", "")).doesNotContain(t("ask.id"));
        assertThat(service.forApplicant(APP_ID, user, 5)).isEmpty();
        assertThat(say(user, "我要申请公开")).contains(t("start")).doesNotContain(t("resume"));
    }

    @Test
    void resumesFromTheDatabaseWhenTheRedisStateIsLost() {
        String user = openid();
        say(user, "我要申请公开2026年第一季度本区财政预算执行情况报告");
        say(user, "个人");
        assertThat(say(user, "李四")).contains(t("ask.id"));
        redis.jedis().del(redis.key("conv", APP_ID, user));
        redis.jedis().del(redis.key("conv", APP_ID, user, "pages"));

        String resumed = say(user, "11010519491231002X");
        assertThat(resumed).contains(t("resume")).contains(t("ask.phone"));
        say(user, "13800138000");
        say(user, "电子版，网上获取");
        String done = say(user, "确认");
        CaseView stored = service.find(trackingNo(done)).orElseThrow();
        assertThat(stored.applicantName()).isEqualTo("李四");
        assertThat(stored.idNumber()).isEqualTo("110***********002X");
        assertThat(stored.form()).isEqualTo("ELECTRONIC");
    }

    @Test
    void aPolicyQuestionInTheMiddleIsAnsweredAndTheFieldAskedAgain() {
        String user = openid();
        say(user, "我要申请公开");
        say(user, "公民");
        say(user, "我叫王五");
        assertThat(say(user, "11010519491231002X")).contains(t("ask.phone"));
        String answer = say(user, "依申请公开多久答复？");
        assertThat(answer).contains(t("back-to-form", t("ask.phone")));
        assertThat(answer.indexOf(t("ask.phone"))).as("answered first, then back to the form").isGreaterThan(10);
        assertThat(say(user, "13800138000")).contains(t("ask.description"));
    }

    @Test
    void vagueAndOverlongDescriptionsAndTwoApplicationsKeptApart() {
        String user = openid();
        say(user, "我要申请公开");
        say(user, "公民");
        say(user, "赵六 13800138000 11010519491231002X");
        assertThat(say(user, "所有文件")).contains(t("vague"));
        String longText = "请公开2025年本区道路改造工程的招标文件及合同😀" + "细节".repeat(600) + "🚀";
        assertThat(say(user, longText)).contains(t("truncated", FieldExtractor.MAX_DESCRIPTION)).contains(t("ask.form"));
        say(user, "电子 电子邮件");
        say(user, "zhaoliu@example.com");
        String first = trackingNo(say(user, "确认"));
        CaseView one = service.find(first).orElseThrow();
        assertThat(one.description()).startsWith("请公开2025年本区道路改造工程的招标文件及合同😀");
        assertThat(one.description().codePointCount(0, one.description().length())).isEqualTo(FieldExtractor.MAX_DESCRIPTION);
        assertThat(one.email()).isEqualTo("z***@example.com");

        say(user, "我想申请公开本区2026年城市更新专项规划的批复文件");
        say(user, "公民");
        say(user, "赵六，13800138000，11010519491231002X");
        say(user, "纸质 自行领取");
        String second = trackingNo(say(user, "确认"));
        assertThat(second).isNotEqualTo(first);
        assertThat(service.find(second).orElseThrow().description()).contains("城市更新");
        assertThat(service.forApplicant(APP_ID, user, 5)).extracting(CaseView::trackingNo)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void theSameConfirmationDeliveredTwiceStoresOneApplication() {
        String user = openid();
        say(user, "我要申请公开2025年本区老旧小区改造项目的资金安排文件");
        say(user, "公民");
        say(user, "孙七 13800138000 11010519491231002X 电子 网上获取");
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        long msgId = WechatTestClient.nextMsgId();
        String a = WechatTestClient.extract(wechat.postPlain(wechat.textXml(user, "确认", msgId)).body(), "Content");
        String b = WechatTestClient.extract(wechat.postPlain(wechat.textXml(user, "确认", msgId)).body(), "Content");
        assertThat(trackingNo(b)).isEqualTo(trackingNo(a));
        say(user, "确认");
        List<CaseView> cases = service.forApplicant(APP_ID, user, 5);
        assertThat(cases).hasSize(1);
    }

    @Test
    void aConfirmationWhileEverySubmissionSlotIsTakenIsAnsweredBusyAndTheDraftKept() throws Exception {
        String user = openid();
        say(user, "我要申请公开2025年本区老旧小区改造项目的资金安排文件");
        say(user, "公民");
        say(user, "周八 13800138000 11010519491231002X 电子 网上获取");
        int slots = properties.maxConcurrentSubmissions();
        CountDownLatch taken = new CountDownLatch(slots);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(slots);
        try {
            for (int i = 0; i < slots; i++) {
                holders.submit(() -> gate.forStaff(() -> {
                    taken.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            String busy = say(user, "确认");
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(busy).isEqualTo(t("submission-busy"));
            assertThat(millis).as("answered after the short wait, well inside WeChat's 5 s").isLessThan(3000);
            assertThat(service.forApplicant(APP_ID, user, 5)).isEmpty();
        } finally {
            release.countDown();
            holders.shutdown();
        }
        String done = say(user, "确认");
        CaseView stored = service.find(trackingNo(done)).orElseThrow();
        assertThat(stored.applicantName()).as("the draft was kept").isEqualTo("周八");
        assertThat(service.forApplicant(APP_ID, user, 5)).hasSize(1);
    }

    @Test
    void anOrganisationAppliesFromTheMenu() {
        String user = openid();
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String menu = WechatTestClient.extract(wechat.postPlain(wechat.eventXml(user, "CLICK", "DISCLOSURE_APPLY",
                System.currentTimeMillis() / 1000)).body(), "Content");
        assertThat(menu).contains(t("ask.type"));
        assertThat(say(user, "法人或其他组织")).contains(t("ask.org-name"));
        assertThat(say(user, "某某科技有限公司")).contains(t("ask.legal-rep"));
        String both = say(user, "法定代表人王大明，联系人刘小红，电话13800138000");
        assertThat(both).contains("法定代表人 王**").contains("联系人 刘**").doesNotContain("王大明", "刘小红")
                .contains(t("ask.credit"));
        assertThat(say(user, "91350100M000100Y44")).contains(t("invalid.credit-checksum"));
        assertThat(say(user, "91350100M000100Y43")).contains(t("ask.description"));
        say(user, "本区2025年政府采购项目中标结果公告及合同文本");
        String summary = say(user, "电子，发到邮箱 lxh@example.com");
        // an organisation's name and credit code are not personal data; its people's names and e-mail are
        assertThat(summary).contains("某某科技有限公司").contains("91350100M000100Y43").contains("l***@example.com")
                .doesNotContain("lxh@example.com");
        CaseView stored = service.find(trackingNo(say(user, "确认"))).orElseThrow();
        assertThat(stored.applicantType()).isEqualTo("ORGANIZATION");
        assertThat(stored.creditCode()).isEqualTo("91350100M000100Y43");
        assertThat(stored.legalRepresentative()).isEqualTo("王大明");
        assertThat(stored.delivery()).isEqualTo("EMAIL");
    }
}
