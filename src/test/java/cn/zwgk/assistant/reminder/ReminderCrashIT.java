package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.zwgk.assistant.support.AdminApi;
import cn.zwgk.assistant.support.AppProcess;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.FakeWechatApi;
import cn.zwgk.assistant.support.TestBackends;
import cn.zwgk.assistant.support.TestChannelConfig;

/**
 * kill -9 while reminders fire (issue 7/7): the application runs in its own JVM, a batch of custom
 * reminders falls due over 20 seconds, the process is killed as soon as the first template
 * messages reach the WeChat API stand-in (which lives in this JVM and survives the kill), and a
 * new process starts on the same database. Every reminder must reach its recipient, and as WeChat
 * counts it (one message per openid and {@code client_msg_id}, which WeChat deduplicates) exactly
 * once; the raw requests may repeat only for the message in flight at the kill.
 *
 * <p>Both backends. On the embedded H2 file database it first found reminders created (HTTP 201)
 * ~20 s before the kill missing after the restart, and one that had fired firing again: H2's
 * MVStore wrote commits to the file in the background. The embedded URL now sets
 * {@code WRITE_DELAY=0}, so a commit is in the file when it returns. See docs/operations.md.
 */
@ExtendWith(ExternalBackendCondition.class)
class ReminderCrashIT {

    private static final int REMINDERS = 40;

    @Test
    void eachReminderIsDeliveredOnceAcrossAKill() throws Exception {
        try (FakeWechatApi api = FakeWechatApi.start()) {
            Map<String, String> props = new LinkedHashMap<>(TestBackends.properties());
            props.put("platform.channel-config-dir", TestChannelConfig.dir());
            props.put("wechat.api-base-url", api.baseUrl());
            props.put("notification.outbox.poll-interval", "200ms");
            String run = UUID.randomUUID().toString().substring(0, 6);
            List<String> recipients = new ArrayList<>();
            int sentBeforeKill;
            try (AppProcess first = AppProcess.start(props)) {
                AdminApi admin = new AdminApi(first.port());
                for (int i = 0; i < REMINDERS; i++) {
                    String openid = "oCrash" + run + "x" + i;
                    recipients.add(openid);
                    // reminders go to staff only
                    admin.post("/api/staff", """
                            {"name":"值班员%d","roles":["HANDLER"],"openid":"%s"}""".formatted(i, openid));
                }
                // the batch's clock starts once the staff are registered (that takes seconds on a busy machine)
                OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(8);
                for (int i = 0; i < REMINDERS; i++) {
                    // spread over 20 seconds, so that the kill falls in the middle of the batch
                    admin.post("/api/reminders", """
                            {"text":"崩溃测试提醒 %d","recipients":["%s"],"at":"%s"}"""
                            .formatted(i, recipients.get(i), due.plusNanos(i * 500_000_000L)));
                }
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> api.templates().size() >= 3);
                first.kill();
                sentBeforeKill = api.templates().size();
            }
            assertThat(sentBeforeKill).as("killed while the batch was firing").isLessThan(REMINDERS / 2);

            try (AppProcess second = AppProcess.start(props)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> recipients.stream().allMatch(r -> !api.templatesTo(r).isEmpty()));
                // a late duplicate would come within seconds: the batch stays one message per recipient meanwhile
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(recipients)
                        .allSatisfy(r -> assertThat(api.templatesTo(r)).extracting(FakeWechatApi.TemplateMessage::clientMsgId)
                                .containsOnly(api.templatesTo(r).get(0).clientMsgId())));
                assertThat(new AdminApi(second.port()).get("/api/reminders")).doesNotContain("oCrash" + run);
            }
            Map<String, List<FakeWechatApi.TemplateMessage>> byRecipient = recipients.stream()
                    .collect(Collectors.toMap(r -> r, api::templatesTo));
            long repeatedRequests = byRecipient.values().stream().mapToLong(l -> l.size() - 1).sum();
            System.out.printf("kill -9 after %d of %d template messages; %d repeated requests%n",
                    sentBeforeKill, REMINDERS, repeatedRequests);
            assertThat(byRecipient).allSatisfy((openid, messages) -> {
                assertThat(messages).as(openid).isNotEmpty();
                assertThat(messages).extracting(FakeWechatApi.TemplateMessage::clientMsgId).as(openid)
                        .doesNotContainNull().containsOnly(messages.get(0).clientMsgId());
                assertThat(messages.get(0).rawJson()).contains("崩溃测试提醒");
            });
            // the relay sends one message at a time: at most the one in flight at the kill repeats
            assertThat(repeatedRequests).isLessThanOrEqualTo(1);
        }
    }
}
