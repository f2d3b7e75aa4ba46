package cn.zwgk.assistant.disclosure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.disclosure.ApplicantType;
import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DeliveryWay;
import cn.zwgk.assistant.disclosure.DisclosureRequest;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.disclosure.InfoForm;
import cn.zwgk.assistant.disclosure.IntakeChannel;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;

/** The case screens over HTTP: roles, the workflow forms, refusals that change nothing, masking, filters, registration. */
@IntegrationTest
public class CasesConsoleIT {

    static final String ID_NUMBER = "11010519491231002X";
    static final String PHONE = "13800138000";

    @Autowired
    UserAccounts accounts;
    @Autowired
    DisclosureService disclosures;
    @LocalServerPort
    int port;

    public static CaseView letter(DisclosureService disclosures, String description) {
        DisclosureRequest a = new DisclosureRequest(ApplicantType.CITIZEN, "王五", null, null, ID_NUMBER, null, PHONE,
                "北京市东城区正义路2号院3号楼", null, description, null, InfoForm.PAPER, DeliveryWay.MAIL);
        return disclosures.register(a, IntakeChannel.LETTER, LocalDate.now(ZoneId.of("Asia/Shanghai")), "test");
    }

    private ConsoleSession signIn(String username, Role role) {
        return ConsoleUsers.signIn(port, accounts, username, role);
    }

    @Test
    void commsStaffCannotOpenCases() {
        CaseView c = letter(disclosures, "本街道2025年垃圾分类宣传经费明细");
        ConsoleSession comms = signIn("cases-comms", Role.COMMS);
        assertThat(comms.get("/console/cases").statusCode()).isEqualTo(403);
        assertThat(comms.get("/console/cases/" + c.trackingNo()).statusCode()).isEqualTo(403);
        comms.get("/console");
        assertThat(comms.postForm("/console/cases/" + c.trackingNo() + "/act/accept", Map.of()).statusCode()).isEqualTo(403);
        assertThat(disclosures.find(c.trackingNo()).orElseThrow().status()).isEqualTo("RECEIVED");
    }

    @Test
    void aHandlerAcceptsAndRepliesAndTheTimelineShowsWhoDidWhat() {
        CaseView c = letter(disclosures, "本区2025年公共厕所改造项目招标文件");
        ConsoleSession handler = signIn("cases-handler", Role.HANDLER);
        HttpResponse<String> detail = handler.get("/console/cases/" + c.trackingNo());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("本区2025年公共厕所改造项目招标文件").contains("110***********002X")
                .contains("138****8000").doesNotContain(ID_NUMBER).doesNotContain(PHONE)
                .contains("id=\"action-accept\"").doesNotContain("id=\"action-extend\"");

        HttpResponse<String> accepted = handler.postForm("/console/cases/" + c.trackingNo() + "/act/accept", Map.of());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(handler.get("/console/cases/" + c.trackingNo()).body()).contains("已受理");

        HttpResponse<String> replied = handler.postForm("/console/cases/" + c.trackingNo() + "/act/reply",
                Map.of("kind", "DISCLOSED", "text", "所申请的招标文件见附件，请查收。"));
        assertThat(replied.statusCode()).isEqualTo(302);
        CaseView after = disclosures.find(c.trackingNo()).orElseThrow();
        assertThat(after.status()).isEqualTo("REPLIED");
        assertThat(after.replyKind()).isEqualTo("DISCLOSED");
        assertThat(after.timeline()).extracting(CaseView.TimelineEntry::action).containsExactly("submit", "accept", "reply");
        assertThat(after.timeline().subList(1, 3)).allMatch(e -> e.actor().equals("cases-handler"));
        assertThat(handler.get("/console/cases/" + c.trackingNo()).body()).contains("予以公开").contains("id=\"action-close\"");
    }

    @Test
    void refusedActionsShowTheReasonKeepTheInputAndChangeNothing() {
        CaseView c = letter(disclosures, "本镇2025年农村道路养护合同");
        ConsoleSession supervisor = signIn("cases-supervisor", Role.SUPERVISOR);
        supervisor.get("/console/cases/" + c.trackingNo());
        String act = "/console/cases/" + c.trackingNo() + "/act/";

        HttpResponse<String> noText = supervisor.postForm(act + "reply", Map.of("kind", "NOT_DISCLOSED", "text", " "));
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("请选择答复类型并填写答复内容").contains("value=\"NOT_DISCLOSED\" selected");

        HttpResponse<String> tooEarly = supervisor.postForm(act + "extend",
                Map.of("days", "10", "approver", "李局长", "reason", "需调取档案"));
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("申请当前状态为“已收到”，不能执行“延期答复”");

        supervisor.postForm(act + "accept", Map.of());
        HttpResponse<String> tooLong = supervisor.postForm(act + "extend",
                Map.of("days", "30", "approver", "李局长", "reason", "需调取档案"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("延期天数应为 1 至 20 个工作日").contains("value=\"李局长\"").contains("value=\"需调取档案\"");

        HttpResponse<String> noItems = supervisor.postForm(act + "request-correction", Map.of("items", "\n  \n"));
        assertThat(noItems.body()).contains("请逐行填写需要申请人补正的事项");

        CaseView unchanged = disclosures.find(c.trackingNo()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo("ACCEPTED");
        assertThat(unchanged.extensionDays()).isZero();
        assertThat(unchanged.timeline()).extracting(CaseView.TimelineEntry::action).containsExactly("submit", "accept");

        // the once-only rule is the workflow's: its refusal is shown too
        assertThat(supervisor.postForm(act + "extend", Map.of("days", "5", "approver", "李局长", "reason", "需调取档案"))
                .statusCode()).isEqualTo(302);
        assertThat(disclosures.find(c.trackingNo()).orElseThrow().extensionDays()).isEqualTo(5);
    }

    @Test
    void theListFiltersByStatusTextAndDueDate() {
        CaseView c = letter(disclosures, "筛选测试：河道保洁经费");
        ConsoleSession handler = signIn("cases-handler", Role.HANDLER);
        assertThat(handler.get("/console/cases?q=河道保洁").body()).contains(c.trackingNo());
        assertThat(handler.get("/console/cases?q=" + c.trackingNo().toLowerCase()).body()).contains(c.trackingNo());
        assertThat(handler.get("/console/cases?status=REPLIED&q=河道保洁").body()).doesNotContain(c.trackingNo())
                .contains("没有符合条件的申请");
        assertThat(handler.get("/console/cases?status=RECEIVED&dueBefore=" + c.dueOn() + "&q=河道保洁").body())
                .contains(c.trackingNo());
        assertThat(handler.get("/console/cases?dueBefore=" + LocalDate.parse(c.dueOn()).minusDays(1) + "&q=河道保洁").body())
                .doesNotContain(c.trackingNo());
        assertThat(handler.get("/console/cases/YSQ-1999-000000").statusCode()).isEqualTo(404);
    }

    @Test
    void aLetterIsRegisteredThroughTheFormAfterItsMistakesAreShown() {
        ConsoleSession handler = signIn("cases-handler", Role.HANDLER);
        handler.get("/console/cases/new");
        Map<String, String> form = new java.util.HashMap<>(Map.of("channel", "LETTER", "receivedOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "applicantType", "CITIZEN", "applicantName", "赵六",
                "idNumber", "110105194912310021", "phone", "13900139000", "address", "北京市西城区某街1号",
                "description", "登记测试：2025年社区卫生服务站名单", "form", "PAPER", "delivery", "MAIL"));
        HttpResponse<String> wrong = handler.postForm("/console/cases/new", form);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("身份证号码校验位不正确").contains("value=\"赵六\"");
        assertThat(disclosures.list(null, null)).noneMatch(v -> v.description().startsWith("登记测试"));

        form.put("idNumber", ID_NUMBER);
        HttpResponse<String> ok = handler.postForm("/console/cases/new", form);
        assertThat(ok.statusCode()).isEqualTo(302);
        List<CaseView> registered = disclosures.list(null, null).stream()
                .filter(v -> v.description().startsWith("登记测试")).toList();
        assertThat(registered).singleElement().satisfies(v -> {
            assertThat(v.channel()).isEqualTo("LETTER");
            assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(v.trackingNo()));
        });
    }
}
