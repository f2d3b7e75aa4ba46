package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zwgk.assistant.simulator.WechatApiStandIn;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.AppProcess;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/** Real Quartz on the real database: reminders fire within seconds, once, across restarts and instances. */
@org.junit.jupiter.api.extension.ExtendWith(ExternalBackendCondition.class)
class ReminderIT {

    @Test
    void aCustomReminderFiresOnceToEachRecipientThroughTheOutbox() {
        try (AppInstance app = AppInstance.start(TestBackends.properties())) {
            ReminderService reminders = app.bean(ReminderService.class);
            bind(app, "oStaffA", "oStaffB");
            Reminder reminder = reminders.createCustom("请复核 YSQ-2026-000001 的答复稿", List.of("oStaffA", "oStaffB", "oStaffA"),
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2));
            assertThat(reminder.recipients()).containsExactly("oStaffA", "oStaffB");
            assertThat(reminders.pending(null)).extracting(Reminder::id).contains(reminder.id());
            assertThat(reminders.pending(null).get(0).nextFireTime()).isAfter(Instant.now().minusSeconds(1));

            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(app, reminder.id()) == 2);
            assertThat(reminders.get(reminder.id())).get().extracting(Reminder::status).isEqualTo(Reminder.Status.FIRED);
            assertThat(reminders.pending(null)).extracting(Reminder::id).doesNotContain(reminder.id());
            String payload = jdbc(app).sql("select payload from outbox_message where delivery_key = ?")
                    .param("staff:reminder:" + reminder.id() + ":oStaffB").query(String.class).single();
            assertThat(payload).contains("请复核 YSQ-2026-000001 的答复稿").contains("收到 " + reminder.id());

            // the relay sends them as WeChat template messages, over HTTP, to the WeChat API stand-in
            WechatApiStandIn wechat = app.bean(WechatApiStandIn.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> wechat.sentTo("oStaffA").size() == 1
                    && wechat.sentTo("oStaffB").size() == 1);
            WechatApiStandIn.SentMessage sent = wechat.sentTo("oStaffB").get(0);
            assertThat(sent.api()).isEqualTo(WechatApiStandIn.Api.TEMPLATE);
            assertThat(sent.rawJson()).contains("staff-alert-dev-template").contains("\"character_string3\"")
                    .contains(Long.toString(reminder.id()));
        }
    }

    @Test
    void aDepartmentRecipientReachesItsBoundMembersOnly() {
        try (AppInstance app = AppInstance.start(TestBackends.properties())) {
            StaffDirectory staff = app.bean(StaffDirectory.class);
            staff.add("法规科甲", "法规科", java.util.Set.of(Role.HANDLER), "oLawA", null);
            staff.add("法规科乙", " 法规科 ", java.util.Set.of(Role.HANDLER), null, null);
            staff.add("办公室丙", "办公室", java.util.Set.of(Role.HANDLER), "oOfficeC", null);
            Reminder reminder = app.bean(ReminderService.class).createCustom("政策解读请按期发布", List.of("dept:法规科"),
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2));

            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(app, reminder.id()) == 1);
            assertThat(jdbc(app).sql("select count(*) from outbox_message where delivery_key = ?")
                    .param("staff:reminder:" + reminder.id() + ":oLawA").query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void replacingASubjectsRemindersCancelsTheOldTriggers() {
        try (AppInstance app = AppInstance.start(TestBackends.properties())) {
            ReminderService reminders = app.bean(ReminderService.class);
            Instant later = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            List<Long> first = reminders.replaceForSubject("YSQ-2026-000009", List.of(ReminderKind.DISCLOSURE_DUE),
                    List.of(planned(later), planned(later.plusSeconds(60))));
            assertThat(reminders.pending("YSQ-2026-000009")).hasSize(2);
            List<Long> second = reminders.replaceForSubject("YSQ-2026-000009", List.of(ReminderKind.DISCLOSURE_DUE),
                    List.of(planned(later.plusSeconds(120))));
            assertThat(reminders.pending("YSQ-2026-000009")).extracting(Reminder::id).containsExactlyElementsOf(second);
            assertThat(reminders.pending("YSQ-2026-000009").get(0).nextFireTime()).isEqualTo(later.plusSeconds(120));
            assertThat(first).allSatisfy(id -> assertThat(reminders.get(id)).get()
                    .extracting(Reminder::status).isEqualTo(Reminder.Status.CANCELLED));
            reminders.cancelForSubject("YSQ-2026-000009");
            assertThat(reminders.pending("YSQ-2026-000009")).isEmpty();
        }
    }

    @Test
    void badCustomRemindersAreRefusedWithAReason() {
        try (AppInstance app = AppInstance.start(TestBackends.properties())) {
            ReminderService reminders = app.bean(ReminderService.class);
            bind(app, "o1");
            OffsetDateTime soon = OffsetDateTime.now().plusHours(1);
            assertThatThrownBy(() -> reminders.createCustom(" ", List.of("o1"), soon)).hasMessageContaining("text");
            assertThatThrownBy(() -> reminders.createCustom("x", List.of(), soon)).hasMessageContaining("recipients");
            assertThatThrownBy(() -> reminders.createCustom("x", List.of("o1"), null)).hasMessageContaining("at");
            assertThatThrownBy(() -> reminders.createCustom("x", List.of("o1"), OffsetDateTime.now().minusHours(1)))
                    .hasMessageContaining("past");
            assertThatThrownBy(() -> reminders.createCustom("x", List.of("o1", "oCitizen"), soon))
                    .isInstanceOf(NotStaffRecipient.class).hasMessageContaining("staff only");
        }
    }

    @Test
    void aReminderDueWhileTheApplicationWasDownFiresOnceAfterRestart() throws Exception {
        Map<String, String> props = TestBackends.properties();
        long id;
        OffsetDateTime[] due = new OffsetDateTime[1];
        try (AppInstance first = AppInstance.start(props)) {
            bind(first, "oStaffC");
            due[0] = OffsetDateTime.now().plusSeconds(3);
            id = first.bean(ReminderService.class).createCustom("重启期间到期的提醒", List.of("oStaffC"), due[0]).id();
        }
        // the reminder falls due while the application is down
        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now().isAfter(due[0].plusSeconds(2)));
        try (AppInstance second = AppInstance.start(props)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(second, id) == 1);
            // and stays delivered once
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> deliveries(second, id) == 1);
            assertThat(deliveries(second, id)).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseFireEachReminderOnce() throws Exception {
        Map<String, String> props = new java.util.HashMap<>(TestBackends.properties());
        if (!TestBackends.external()) {
            // both JVMs open the same H2 file through H2's automatic mixed mode
            props.put("spring.datasource.url", "jdbc:h2:file:" + props.get("platform.data-dir")
                    + "/db/zwgk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
        }
        try (AppInstance a = AppInstance.start(props)) {
            Map<String, String> propsB = new java.util.HashMap<>(props);
            propsB.put("platform.data-dir", TestBackends.tempDir("zwgk-b-").toString());
            try (AppProcess b = AppProcess.start(propsB)) {
                ReminderService reminders = a.bean(ReminderService.class);
                bind(a, "oStaffD");
                List<Long> ids = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ids.add(reminders.createCustom("并发提醒 " + i, List.of("oStaffD"), OffsetDateTime.now().plusSeconds(3)).id());
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> deliveries(a, id) >= 1));
                // no instance fires one a second time
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> ids.stream().allMatch(id -> deliveries(a, id) == 1));
                assertThat(ids).allSatisfy(id -> assertThat(deliveries(a, id)).isEqualTo(1));
                List<String> members = jdbc(a).sql("select instance_name from qrtz_scheduler_state")
                        .query(String.class).list();
                assertThat(members).as("cluster members").hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    /** Reminders go to staff only: these openids become bound staff members. */
    private static void bind(AppInstance app, String... openids) {
        for (String openid : openids) {
            app.bean(StaffDirectory.class).add("工作人员" + openid, "办公室", java.util.Set.of(Role.HANDLER), openid, null);
        }
    }

    private static PlannedReminder planned(Instant at) {
        return new PlannedReminder(ReminderKind.DISCLOSURE_DUE, "答复期限", "测试", List.of("oStaffA"), at, false);
    }

    private static int deliveries(AppInstance app, long reminderId) {
        return jdbc(app).sql("select count(*) from outbox_message where delivery_key like ?")
                .param("staff:reminder:" + reminderId + ":%").query(Integer.class).single();
    }

    private static JdbcClient jdbc(AppInstance app) {
        return app.bean(JdbcClient.class);
    }
}
