package cn.zwgk.assistant.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.zwgk.assistant.staff.StaffNotifier;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.FakeWechatApi;
import cn.zwgk.assistant.support.TestBackends;
import cn.zwgk.assistant.support.TestChannelConfig;

/**
 * The WeChat API accepts a template message but answers after the client's 5 s timeout, or answers
 * "system busy". After a timeout nobody can know whether WeChat sent it; the outbox retries
 * (at-least-once, bounded by notification.outbox.max-attempts) with the same client_msg_id, which
 * WeChat uses to drop a repeat for 10 minutes: the request repeats, the message does not.
 */
@ExtendWith(ExternalBackendCondition.class)
class WechatApiFaultIT {

    @Test
    void aTimedOutTemplateSendIsRetriedWithTheSameClientMsgIdAndABusyOneOnce() {
        try (FakeWechatApi api = FakeWechatApi.start()) {
            Map<String, String> props = new LinkedHashMap<>(TestBackends.properties());
            props.put("platform.channel-config-dir", TestChannelConfig.dir());
            props.put("wechat.api-base-url", api.baseUrl());
            props.put("notification.outbox.poll-interval", "200ms");
            props.put("notification.outbox.first-backoff", "1s");
            try (AppInstance app = AppInstance.start(props)) {
                StaffNotifier notifier = app.bean(StaffNotifier.class);
                OutboxService outbox = app.bean(OutboxService.class);
                StaffAlert alert = new StaffAlert("答复期限", "YSQ-2026-000123 明天到期", "123", "2026-11-24 09:00", null, false);

                api.delayNextSends(1, Duration.ofSeconds(8));
                assertThat(notifier.notify("fault-timeout", List.of("oTimeout"), alert)).isEqualTo(1);
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox.find("staff:fault-timeout:oTimeout")
                        .map(e -> e.status() == OutboxEntry.Status.SENT).orElse(false));
                OutboxEntry timedOut = outbox.find("staff:fault-timeout:oTimeout").orElseThrow();
                List<FakeWechatApi.TemplateMessage> requests = api.templatesTo("oTimeout");
                assertThat(timedOut.attempts()).as("the timed-out attempt and the retry").isEqualTo(2);
                assertThat(requests).as("WeChat saw the request twice").hasSize(2);
                assertThat(requests).extracting(FakeWechatApi.TemplateMessage::clientMsgId).doesNotContainNull()
                        .containsOnly(requests.get(0).clientMsgId());

                api.failNextSends(1);
                notifier.notify("fault-busy", List.of("oBusy"), alert);
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox.find("staff:fault-busy:oBusy")
                        .map(e -> e.status() == OutboxEntry.Status.SENT).orElse(false));
                assertThat(api.templatesTo("oBusy")).as("a refused send is not a sent one").hasSize(1);
            }
        }
    }
}
