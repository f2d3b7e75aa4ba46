package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.simulator.WechatApiStandIn;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.wechat.AccountRegistry;

/** Outside the customer-service window an applicant's notice goes out as a template message instead. */
@IntegrationTest
class ApplicantNoticeFallbackIT {

    @Autowired
    OutboxService outbox;

    @Autowired
    WechatApiStandIn wechat;

    @Autowired
    AccountRegistry accounts;

    @Test
    void aNoticeWeChatRefusesAsCustomerServiceArrivesAsATemplateMessage() {
        String openid = "oApplicantLongAgo";
        String key = "disclosure:YSQ-2026-990001:v2";
        // this user has not written for more than 48 hours (here: never), so no window is open
        outbox.enqueue(OutboundMessage.customerService(key, accounts.defaultAccount().appId(), openid,
                "您的申请 YSQ-2026-990001 已受理，答复期限为 2026-12-21。"));

        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.find(key + ":template")
                .map(OutboxEntry::status).filter(s -> s == OutboxEntry.Status.SENT).isPresent());
        assertThat(outbox.find(key)).get().extracting(OutboxEntry::status).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(wechat.sentTo(openid)).singleElement().satisfies(sent -> {
            assertThat(sent.api()).isEqualTo(WechatApiStandIn.Api.TEMPLATE);
            assertThat(sent.rawJson()).contains("applicant-notice-dev-template").contains("YSQ-2026-990001");
        });
    }
}
