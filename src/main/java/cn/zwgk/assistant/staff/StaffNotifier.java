package cn.zwgk.assistant.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import cn.zwgk.assistant.notification.OutboundFailed;
import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.notification.StaffAlert;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notices to staff through the staff channels in the configured order (WeChat template
 * message first by default, then the member's WeCom group robot), each delivery through the
 * outbox with a key of its own so that it goes out once. A delivery that fails for good falls
 * back to the next channel the member has.
 */
@Service
public class StaffNotifier {

    private static final Logger log = LoggerFactory.getLogger(StaffNotifier.class);
    static final String KEY_PREFIX = "staff:";
    private static final String FALLBACK = ":via:";

    private final StaffDirectory directory;
    private final OutboxService outbox;
    private final StaffProperties properties;
    private final JsonMapper json;

    StaffNotifier(StaffDirectory directory, OutboxService outbox, StaffProperties properties, JsonMapper json) {
        this.directory = directory;
        this.outbox = outbox;
        this.properties = properties;
        this.json = json;
    }

    /** Notifies each openid once per {@code key}; returns how many deliveries were enqueued. */
    public int notify(String key, Collection<String> openids, StaffAlert alert) {
        int enqueued = 0;
        for (String openid : openids) {
            Optional<OutboundMessage> first = route(KEY_PREFIX + key + ":" + openid, openid, alert, 0);
            if (first.isPresent() && outbox.enqueue(first.get())) {
                enqueued++;
            } else if (first.isEmpty()) {
                log.warn("No staff channel reaches {} for notice {}", openid, key);
            }
        }
        return enqueued;
    }

    /** Notifies every active member with the role. */
    public int notifyRole(String key, Role role, StaffAlert alert) {
        return notify(key, directory.withRole(role).stream().filter(StaffMember::bound).map(StaffMember::openid).toList(),
                alert);
    }

    /** After the outbox recorded the failure; the fallback's delivery key makes a resubmission a no-op. */
    @ApplicationModuleListener(condition = "#failed.deliveryKey().startsWith('staff:')")
    void onFailure(OutboundFailed failed) {
        if (!failed.deliveryKey().startsWith(KEY_PREFIX)) {
            return;
        }
        String base = failed.deliveryKey().contains(FALLBACK)
                ? failed.deliveryKey().substring(0, failed.deliveryKey().indexOf(FALLBACK)) : failed.deliveryKey();
        String openid = base.substring(base.lastIndexOf(':') + 1);
        int next = properties.channels().indexOf(failed.channel()) + 1;
        StaffAlert alert = json.readValue(failed.payload(), StaffAlert.class);
        route(base, openid, alert, next).ifPresent(message -> {
            log.info("Notice {} failed on {} ({}); falling back to {}", base, failed.channel(), failed.error(),
                    message.channel());
            outbox.enqueue(message);
        });
    }

    private Optional<OutboundMessage> route(String baseKey, String openid, StaffAlert alert, int fromChannel) {
        List<String> channels = properties.channels();
        Optional<StaffMember> member = directory.byOpenid(openid);
        String payload = json.writeValueAsString(alert);
        for (int i = Math.max(0, fromChannel); i < channels.size(); i++) {
            String channel = channels.get(i);
            String key = i == 0 ? baseKey : baseKey + FALLBACK + channel;
            if ("WECHAT_TEMPLATE".equals(channel)) {
                return Optional.of(new OutboundMessage(key, channel, null, openid, payload));
            }
            if ("WECOM_ROBOT".equals(channel) && member.map(StaffMember::wecomWebhook).filter(w -> !w.isBlank()).isPresent()) {
                return Optional.of(new OutboundMessage(key, channel, null, member.get().wecomWebhook(), payload));
            }
        }
        return Optional.empty();
    }
}
