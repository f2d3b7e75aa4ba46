package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.access.ConsoleUser;
import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.calendar.DayKind;
import cn.zwgk.assistant.calendar.SpecialDay;
import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.reminder.Reminder;
import cn.zwgk.assistant.reminder.ReminderService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.staff.StaffMember;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.ConsoleUsers;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;

/** Reminders, staff directory, users, calendar and channel-config screens over HTTP. */
@IntegrationTest
class AdminConsoleIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ReminderService reminders;

    @Autowired
    StaffDirectory staff;

    @Autowired
    WorkingDayCalendar calendar;

    ConsoleSession admin() {
        ConsoleSession session = new ConsoleSession(port);
        session.login("admin", "admin");
        session.get("/console"); // the sign-in changed the CSRF token
        return session;
    }

    @Test
    void aCustomReminderIsValidatedThenSetAndCancelled() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StaffMember member = staff.add("提醒接收人" + tag, "办公室", Set.of(Role.HANDLER), "oRemind" + tag, null);
        ConsoleSession handler = new ConsoleSession(port);
        String name = ConsoleUsers.unique(accounts, "handler-", Role.HANDLER);
        handler.login(name, ConsoleUsers.PASSWORD);
        handler.get("/console");
        assertThat(handler.get("/console/reminders").body()).contains(member.name()).contains("value=\"oRemind" + tag + "\"");
        String future = LocalDateTime.now(ZONE).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
        int before = reminders.pending(null).size();

        HttpResponse<String> past = handler.postForm("/console/reminders", Map.of("text", "报送统计表" + tag,
                "recipients", member.openid(), "at", LocalDateTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString()));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("提醒时间已过").contains("报送统计表" + tag);
        HttpResponse<String> nobody = handler.postForm("/console/reminders", Map.of("text", "报送统计表" + tag, "at", future));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("请至少选择一位接收人");
        HttpResponse<String> empty = handler.postForm("/console/reminders", Map.of("text", " ", "recipients",
                member.openid(), "at", future));
        assertThat(empty.body()).contains("请填写提醒内容");
        HttpResponse<String> noTime = handler.postForm("/console/reminders", Map.of("text", "报送统计表" + tag,
                "recipients", member.openid(), "at", "明天上午"));
        assertThat(noTime.body()).contains("请填写提醒时间");
        assertThat(reminders.pending(null)).hasSize(before);

        HttpResponse<String> set = handler.postForm("/console/reminders", Map.of("text", "报送统计表" + tag,
                "recipients", member.openid(), "at", future));
        assertThat(set.statusCode()).isEqualTo(302);
        Reminder created = reminders.pending(null).stream().filter(r -> r.text().equals("报送统计表" + tag)).findFirst()
                .orElseThrow();
        assertThat(created.recipients()).containsExactly(member.openid());
        assertThat(created.fireAt().atZone(ZONE).toLocalDateTime().toString()).isEqualTo(future);
        String page = handler.get("/console/reminders").body();
        assertThat(page).contains("已设置提醒").contains(future.replace('T', ' '));
        String row = page.substring(page.indexOf("id=\"reminder-" + created.id() + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(member.name()).doesNotContain("未登记");

        assertThat(ConsoleUsers.submit(handler, "/console/reminders/" + created.id() + "/cancel", Map.of())).contains("提醒 #" + created.id() + " 已取消")
                .doesNotContain("reminder-" + created.id() + "\"");
        assertThat(reminders.get(created.id()).orElseThrow().status()).isEqualTo(Reminder.Status.CANCELLED);
    }

    @Test
    void staffAreAddedAndBindTheirWechatWithTheCodeShown() {
        ConsoleSession admin = admin();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> noRole = admin.postForm("/console/staff", Map.of("name", "宣传科" + tag, "department", "宣传科"));
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("请至少选择一个角色").contains("value=\"宣传科" + tag + "\"");
        assertThat(staff.all()).extracting(StaffMember::name).doesNotContain("宣传科" + tag);

        String webhook = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key-" + tag;
        assertThat(admin.postForm("/console/staff", Map.of("name", "宣传科" + tag, "department", "宣传科",
                "roles", "COMMS", "wecomWebhook", webhook)).statusCode()).isEqualTo(302);
        StaffMember added = staff.all().stream().filter(m -> m.name().equals("宣传科" + tag)).findFirst().orElseThrow();
        assertThat(added.roles()).containsExactly(Role.COMMS);
        String list = admin.get("/console/staff").body();
        assertThat(list).contains("已添加工作人员 宣传科" + tag).contains("已配置").doesNotContain("robot-key-" + tag);

        String issued = admin.postForm("/console/staff/" + added.id() + "/binding-code", Map.of()).body();
        Matcher code = Pattern.compile("向公众号发送：绑定 (\\d{6})").matcher(issued);
        assertThat(code.find()).as(issued).isTrue();
        assertThat(issued).contains("有效期至");
        WechatTestClient wechat = WechatTestClient.defaultAccount(port);
        String reply = wechat.postPlain(wechat.textXml("oBind" + tag, "绑定 " + code.group(1), WechatTestClient.nextMsgId()))
                .body();
        assertThat(reply).contains("绑定成功");
        assertThat(staff.find(added.id()).orElseThrow().openid()).isEqualTo("oBind" + tag);
        assertThat(admin.get("/console/staff").body()).contains("重新生成绑定码");
    }

    @Test
    void usersAreCreatedChangedDisabledUnlockedAndGivenNewPasswords() {
        ConsoleSession admin = admin();
        String name = "clerk" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> weak = admin.postForm("/console/users", Map.of("username", name, "password", "short",
                "roles", "HANDLER"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("操作未完成").contains("password");
        assertThat(accounts.find(name)).isEmpty();

        assertThat(admin.postForm("/console/users", Map.of("username", name, "displayName", "办事员",
                "password", "clerk-password-1", "roles", "HANDLER")).statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/users").body()).contains("已创建账号 " + name).contains("user-" + name);
        assertThat(ConsoleUsers.submit(admin, "/console/users/" + name + "/roles", Map.of("roles", "SUPERVISOR")))
                .contains("已更新 " + name + " 的角色");
        assertThat(accounts.find(name).orElseThrow().roles()).containsExactly(Role.SUPERVISOR);

        assertThat(ConsoleUsers.submit(admin, "/console/users/" + name + "/enabled", Map.of("value", "false")))
                .contains("已停用账号 " + name);
        assertThat(accounts.find(name).map(ConsoleUser::enabled)).contains(false);
        assertThat(new ConsoleSession(port).login(name, "clerk-password-1").headers().firstValue("Location").orElseThrow())
                .contains("/login?error");
        ConsoleUsers.submit(admin, "/console/users/" + name + "/enabled", Map.of("value", "true"));

        ConsoleSession wrong = new ConsoleSession(port);
        for (int i = 0; i < 5; i++) {
            wrong.login(name, "not-the-password");
        }
        assertThat(accounts.find(name).orElseThrow().failedLogins()).isPositive();
        assertThat(admin.get("/console/users").body()).contains("解除登录限制");
        assertThat(ConsoleUsers.submit(admin, "/console/users/" + name + "/unlock", Map.of())).contains("已解除");
        assertThat(accounts.find(name).orElseThrow().failedLogins()).isZero();

        assertThat(ConsoleUsers.submit(admin, "/console/users/" + name + "/password",
                Map.of("password", "new-clerk-password-2"))).contains("已重置 " + name + " 的密码");
        assertThat(new ConsoleSession(port).login(name, "new-clerk-password-2").headers().firstValue("Location").orElseThrow())
                .endsWith("/console");

        // the administrator cannot lock themselves out
        assertThat(ConsoleUsers.submit(admin, "/console/users/admin/enabled", Map.of("value", "false")))
                .contains("不能停用自己的账号");
        assertThat(ConsoleUsers.submit(admin, "/console/users/admin/roles", Map.of("roles", "HANDLER")))
                .contains("不能停用自己的账号");
        assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
        assertThat(accounts.find("admin").orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void theCalendarIsEditedByAnAdminAndOnlyViewedByOthers() {
        int year = 2091 + (int) (System.nanoTime() % 5);
        ConsoleSession admin = admin();
        assertThat(admin.get("/console/calendar?year=" + year).body()).contains("未确认完整").contains("day-form");
        HttpResponse<String> bad = admin.postForm("/console/calendar/days", Map.of("day", year + "-13-01", "kind", "HOLIDAY",
                "name", "春节"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("请填写日期");
        assertThat(ConsoleUsers.submit(admin, "/console/calendar/days", Map.of("day", year + "-02-01", "kind", "HOLIDAY",
                "name", "春节"))).contains("已保存 " + year + "-02-01（春节）");
        ConsoleUsers.submit(admin, "/console/calendar/days", Map.of("day", year + "-02-04", "kind", "WORKDAY", "name", "春节调休上班"));
        assertThat(calendar.specialDays(year)).extracting(SpecialDay::kind).containsExactly(DayKind.HOLIDAY, DayKind.WORKDAY);
        ConsoleUsers.submit(admin, "/console/calendar/days", Map.of("day", year + "-02-01", "kind", "HOLIDAY", "name", "春节假期"));
        assertThat(calendar.specialDays(year).get(0).name()).isEqualTo("春节假期");
        ConsoleUsers.submit(admin, "/console/calendar/days/" + year + "-02-04/delete", Map.of());
        assertThat(calendar.isWorkingDay(LocalDate.of(year, 2, 4))).isEqualTo(
                LocalDate.of(year, 2, 4).getDayOfWeek().getValue() <= 5);
        ConsoleUsers.submit(admin, "/console/calendar/years/" + year + "/publish", Map.of("source", "国办发明电〔" + year + "〕1号"));
        String page = admin.get("/console/calendar?year=" + year).body();
        assertThat(page).contains("已录入完整安排").contains("春节假期").doesNotContain("春节调休上班");
        assertThat(calendar.coveredYears()).contains(year);

        ConsoleSession handler = new ConsoleSession(port);
        handler.login(ConsoleUsers.unique(accounts, "cal-", Role.HANDLER), ConsoleUsers.PASSWORD);
        handler.get("/console");
        String view = handler.get("/console/calendar?year=" + year).body();
        assertThat(view).contains("春节假期").doesNotContain("id=\"day-form\"");
        assertThat(handler.postForm("/console/calendar/days", Map.of("day", year + "-03-01", "kind", "HOLIDAY",
                "name", "越权")).statusCode()).isEqualTo(403);
        assertThat(calendar.specialDays(year)).extracting(SpecialDay::name).doesNotContain("越权");
    }

    @Test
    void theChannelConfigPageNeverShowsASecret() {
        String page = admin().get("/console/config").body();
        assertThat(page).contains("texts.yml").contains("templates.yml").contains("accounts/default.yml")
                .contains("wx5f8e2d1c0b9a7e01").contains("示例市政务公开").contains("••••");
        for (String secret : List.of("local-dev-token", "local-dev-secret", "endnay1sb2NhbC1kZXYtZW5jb2RpbmctYWVzLWtleSE",
                "district-dev-token", "district-dev-secret", "official-sample-secret", ">AAAAA<")) {
            assertThat(page).as(secret).doesNotContain(secret);
        }
    }
}
