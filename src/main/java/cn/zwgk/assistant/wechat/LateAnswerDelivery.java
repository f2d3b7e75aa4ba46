package cn.zwgk.assistant.wechat;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.Redis;
import cn.zwgk.assistant.platform.Texts;

/**
 * An answer that was not ready by WeChat's last retry: sent as a customer-service message through
 * the outbox where the account may, otherwise kept (in Redis, {@code wx:pending:{appId}:{openid}},
 * two days) until the user writes again.
 */
@Component
class LateAnswerDelivery {

    private final OutboxService outbox;
    private final Redis redis;
    private final Texts texts;
    private final WechatMetrics metrics;

    LateAnswerDelivery(OutboxService outbox, Redis redis, Texts texts, WechatMetrics metrics) {
        this.outbox = outbox;
        this.redis = redis;
        this.texts = texts;
        this.metrics = metrics;
    }

    /** @param generated the text was written by a language model: marked as AI content where the account says so */
    void deliver(Account account, String openid, String messageKey, String text, boolean generated) {
        if (Reply.TRANSFER_TO_CUSTOMER_SERVICE.equals(text)) {
            // a transfer is a passive reply or nothing: too late for it, the user's next message asks again
            metrics.asyncDelivery("transfer-missed");
            return;
        }
        if (account.customerService()) {
            String key = "reply:" + account.appId() + ":" + messageKey;
            outbox.enqueue(generated && account.aiContentMark()
                    ? OutboundMessage.aiMarkedCustomerService(key, account.appId(), openid, text)
                    : OutboundMessage.customerService(key, account.appId(), openid, text));
            metrics.asyncDelivery("customer-service");
        } else {
            keep(account.appId(), openid, text);
            metrics.asyncDelivery("pending");
        }
    }

    /** The oldest answer kept for the user, taken: their next text message is answered with it. */
    Optional<String> takePending(String appId, String openid) {
        return Optional.ofNullable(redis.jedis().lpop(pendingKey(appId, openid)));
    }

    /** What the final attempt answers when the answer is still being computed. */
    Optional<String> placeholder(Account account) {
        return account.customerService() ? Optional.empty() : Optional.of(texts.get("wechat.answer-pending"));
    }

    private void keep(String appId, String openid, String text) {
        String key = pendingKey(appId, openid);
        redis.jedis().rpush(key, text);
        redis.jedis().pexpire(key, Duration.ofDays(2).toMillis());
    }

    private String pendingKey(String appId, String openid) {
        return redis.key("wx", "pending", appId, openid);
    }
}
