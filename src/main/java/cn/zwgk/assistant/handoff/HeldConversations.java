package cn.zwgk.assistant.handoff;

import java.util.Optional;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.ConversationHold;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.platform.Redis;
import cn.zwgk.assistant.platform.Texts;
import redis.clients.jedis.params.SetParams;

/**
 * Which citizens a person is talking to, in Redis, so that the bot can tell in one read per message
 * and stay silent for them: their messages go to the handoff, and they get a short acknowledgement.
 * The mark expires with the idle timeout, so a lost close never silences the bot for good.
 */
@Component
class HeldConversations implements ConversationHold {

    private final Redis redis;
    private final HandoffService handoffs;
    private final Texts texts;
    private final HandoffProperties properties;

    HeldConversations(Redis redis, @Lazy HandoffService handoffs, Texts texts, HandoffProperties properties) {
        this.redis = redis;
        this.handoffs = handoffs;
        this.texts = texts;
        this.properties = properties;
    }

    void hold(String appId, String openid, long handoffId) {
        redis.jedis().set(key(appId, openid), Long.toString(handoffId),
                SetParams.setParams().px(properties.idleTimeout().toMillis()));
    }

    void release(String appId, String openid) {
        redis.jedis().del(key(appId, openid));
    }

    @Override
    public Optional<Reply> whileHeld(InboundMessage message) {
        if (message.kind() != InboundMessage.Kind.TEXT) {
            return Optional.empty();
        }
        String id = redis.jedis().get(key(message.appId(), message.openid()));
        if (id == null) {
            return Optional.empty();
        }
        handoffs.citizenWrote(Long.parseLong(id), message.text());
        redis.jedis().pexpire(key(message.appId(), message.openid()), properties.idleTimeout().toMillis());
        return Optional.of(Reply.of(texts.get("handoff.acknowledged")));
    }

    private String key(String appId, String openid) {
        return redis.key("handoff", "held", appId, openid);
    }
}
