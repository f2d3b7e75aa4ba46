package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.support.IntegrationTest;

/** A case's reminders follow its deadlines, in the transaction that moves them. */
@IntegrationTest
class DisclosureRemindersIT {

    @Autowired
    ReminderService reminders;

    @Autowired
    cn.zwgk.assistant.calendar.WorkingDayCalendar calendar;

    @Autowired
    cn.zwgk.assistant.staff.StaffDirectory staff;

    @Autowired
    cn.zwgk.assistant.notification.OutboxService outbox;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void registeringACasePlansItsRemindersAndReplyingCancelsThem() throws Exception {
        String trackingNo = register();
        List<Reminder> pending = reminders.pending(trackingNo);
        assertThat(pending).extracting(Reminder::kind)
                .contains(ReminderKind.DISCLOSURE_DUE, ReminderKind.DISCLOSURE_OVERDUE, ReminderKind.CORRECTION_NOTICE_DUE);
        assertThat(pending).allSatisfy(r -> assertThat(r.nextFireTime()).isNotNull());
        LocalDate due = LocalDate.parse(api().get("/api/disclosures/" + trackingNo).replaceAll(".*\"dueOn\":\"([0-9-]+)\".*", "$1"));
        assertThat(pending).filteredOn(r -> r.kind() == ReminderKind.DISCLOSURE_DUE && r.critical())
                .singleElement().satisfies(r -> assertThat(r.fireAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(due));

        api().post("/api/disclosures/" + trackingNo + "/accept", "{}");
        assertThat(reminders.pending(trackingNo)).extracting(Reminder::kind).doesNotContain(ReminderKind.CORRECTION_NOTICE_DUE);

        api().post("/api/disclosures/" + trackingNo + "/extend", "{\"days\":10,\"approver\":\"张局长\",\"reason\":\"需调取档案\"}");
        assertThat(reminders.pending(trackingNo)).extracting(Reminder::kind)
                .contains(ReminderKind.EXTENSION_EXPIRY).doesNotContain(ReminderKind.DISCLOSURE_DUE);

        api().post("/api/disclosures/" + trackingNo + "/reply", "{\"kind\":\"DISCLOSED\",\"text\":\"所申请信息见附件。\"}");
        assertThat(reminders.pending(trackingNo)).isEmpty();
    }

    @Test
    void proactiveDisclosureAndInterpretationDeadlinesAreCountedInWorkingDays() {
        LocalDate created = LocalDate.now();
        String member = "oDeptStaff" + java.util.UUID.randomUUID().toString().substring(0, 8);
        staff.add("财政科工作人员", "财政科", java.util.Set.of(cn.zwgk.assistant.staff.Role.HANDLER), member, null);
        String body = api().post("/api/reminders/proactive-disclosure",
                "{\"title\":\"2026年第四季度财政预算执行情况\",\"from\":\"" + created + "\",\"recipients\":[\"" + member + "\"]}");
        assertThat(body).contains("PROACTIVE_DISCLOSURE_DUE").contains(member);
        LocalDate due = calendar.addWorkingDays(created, 20).date();
        assertThat(reminders.pending("主动公开：2026年第四季度财政预算执行情况"))
                .filteredOn(r -> r.kind() == ReminderKind.PROACTIVE_DISCLOSURE_DUE && r.critical())
                .singleElement().satisfies(r -> assertThat(r.text()).contains(due.toString()));

        api().post("/api/reminders/interpretation",
                "{\"title\":\"关于优化营商环境的若干措施\",\"from\":\"" + created + "\",\"recipients\":[\"role:HANDLER\"]}");
        LocalDate interpretationDue = calendar.addWorkingDays(created, 3).date();
        assertThat(reminders.pending("政策解读：关于优化营商环境的若干措施"))
                .filteredOn(r -> r.kind() == ReminderKind.INTERPRETATION_DUE && r.critical())
                .singleElement().satisfies(r -> assertThat(r.text()).contains(interpretationDue.toString()));
    }

    @Test
    void countingThroughAYearWithoutHolidayDataAlertsTheAdmins() {
        staff.add("系统管理员", "信息中心", java.util.Set.of(cn.zwgk.assistant.staff.Role.ADMIN), "oAdminCal", null);
        // a year no other test in this shared context counts through: the notice goes out once a day per year
        assertThat(calendar.addWorkingDays(LocalDate.of(2099, 3, 1), 5).provisional()).isTrue();
        // the notice is sent after the detection's commit (an @ApplicationModuleListener)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outbox.find("staff:calendar-missing:2099:" + LocalDate.now() + ":oAdminCal")).isPresent());
    }

    private String register() throws Exception {
        String body = api().post("/api/disclosures", """
                {"applicantType":"CITIZEN","applicantName":"赵六","idNumber":"11010519491231002X","phone":"13800138000",
                 "address":"北京市东城区示例路1号","email":null,"description":"2025年本区老旧小区改造项目清单",
                 "form":"PAPER","delivery":"MAIL","channel":"LETTER","receivedOn":"%s"}""".formatted(LocalDate.now()));
        return body.replaceAll(".*\"trackingNo\":\"(YSQ-[0-9-]+)\".*", "$1");
    }

    private cn.zwgk.assistant.support.AdminApi api() {
        return new cn.zwgk.assistant.support.AdminApi(port);
    }
}
