package cn.zwgk.assistant.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.conversation.ConversationService;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.reminder.Reminder;
import cn.zwgk.assistant.reminder.ReminderService;
import cn.zwgk.assistant.simulator.WechatApiStandIn;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/**
 * Response clocks on real Quartz, shortened to seconds: an officer opens an incident by WeChat command,
 * the alerts reach the officers before and at the deadline, the breach reaches the leader, and a
 * milestone recorded as done stops the rest.
 */
@org.junit.jupiter.api.extension.ExtendWith(ExternalBackendCondition.class)
class IncidentClocksIT {

    @Test
    void clocksAlertOfficersEscalateOnBreachAndStopWhenDone() {
        Map<String, String> props = TestBackends.properties();
        props.put("opinion.authoritative-info", "8s");
        props.put("opinion.authoritative-target", "4s");
        props.put("opinion.press-conference", "1h");
        try (AppInstance app = AppInstance.start(props)) {
            StaffDirectory staff = app.bean(StaffDirectory.class);
            staff.add("宣传科王", "宣传科", Set.of(Role.COMMS), "oComms1", null);
            staff.add("分管领导李", "办公室", Set.of(Role.SUPERVISOR), "oLeader1", null);
            staff.add("经办人赵", "办公室", Set.of(Role.HANDLER), "oHandler1", null);
            ConversationService conversation = app.bean(ConversationService.class);
            WechatApiStandIn wechat = app.bean(WechatApiStandIn.class);

            assertThat(say(conversation, "oHandler1", "舆情 重大 某路段塌陷")).isEqualTo(
                    app.bean(cn.zwgk.assistant.platform.Texts.class).get("staff.not-allowed"));
            assertThat(say(conversation, "oComms1", "舆情 严重 某路段塌陷")).contains("舆情 级别 标题");
            String opened = say(conversation, "oComms1", "舆情 重大 某路段塌陷");
            assertThat(opened).contains("已登记舆情事件 #").contains("authoritative-info");
            long id = Long.parseLong(opened.replaceAll("(?s).*#(\\d+).*", "$1"));

            // 4 s (50 % and the internal target), 6.4 s (80 %), 8 s (due) to the officer; the breach to the leader
            await().atMost(Duration.ofSeconds(40)).until(() -> templates(wechat, "oLeader1").stream()
                    .anyMatch(m -> m.rawJson().contains("舆情回应超时督办") && m.rawJson().contains("发布权威信息已超时")));
            List<WechatApiStandIn.SentMessage> toOfficer = templates(wechat, "oComms1");
            assertThat(toOfficer).hasSize(3);
            assertThat(toOfficer.get(0).rawJson()).contains("发布权威信息还剩4秒".substring(0, 8)).contains("舆情回应时限提醒");
            assertThat(templates(wechat, "oHandler1")).isEmpty();

            // the press conference's clock is still running; recording it done cancels its alerts
            ReminderService reminders = app.bean(ReminderService.class);
            assertThat(reminders.pending("incident:" + id + ":press-conference")).extracting(Reminder::kind).isNotEmpty();
            String published = say(conversation, "oComms1", "口径 #" + id + " 经核实，塌陷路段已封闭，无人员伤亡。");
            assertThat(published).contains("已发布");
            app.bean(IncidentService.class).completeMilestone(id, Milestone.PRESS_CONFERENCE, "宣传科王");
            assertThat(reminders.pending("incident:" + id + ":press-conference")).isEmpty();
            assertThat(app.bean(IncidentService.class).current(id)).get()
                    .extracting(QuickResponse::text).asString().contains("塌陷路段已封闭");
        }
    }

    private static List<WechatApiStandIn.SentMessage> templates(WechatApiStandIn wechat, String openid) {
        return wechat.sentTo(openid).stream().filter(m -> m.api() == WechatApiStandIn.Api.TEMPLATE).toList();
    }

    private static String say(ConversationService conversation, String openid, String text) {
        return conversation.handle(new InboundMessage("wx5f8e2d1c0b9a7e01", openid, InboundMessage.Kind.TEXT, text,
                null, null, UUID.randomUUID().toString(), Instant.now())).text();
    }
}
