package cn.zwgk.assistant.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.zwgk.assistant.notification.OutboundFailed;
import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells online applicants about every status change of their case, as a customer-service message
 * through the outbox (one delivery key per case and change). It runs just before the status change
 * commits, so the message and the change are stored together or not at all; the relay sends it
 * after the commit. When WeChat refuses it for good (outside the 48-hour window, most often), the
 * same notice goes out as the {@code applicant-notice} template message. A reply's notice also names
 * its files with their download link and says how a paper copy comes ({@link ReplyNotice}).
 */
@Component
class ApplicantNotifier {

    private static final String KEY_PREFIX = "disclosure:";
    private static final String TEMPLATE_CHANNEL = "WECHAT_TEMPLATE";

    private static final Pattern DOWNLOAD_LINK = Pattern.compile("https?://\\S+/files/[A-Za-z0-9._-]+");

    private final OutboxService outbox;
    private final ReplyNotice replyNotice;
    private final Texts texts;
    private final JsonMapper json;
    private final Clock clock;

    ApplicantNotifier(OutboxService outbox, ReplyNotice replyNotice, Texts texts, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.replyNotice = replyNotice;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void onRefused(OutboundFailed failed) {
        if (!failed.deliveryKey().startsWith(KEY_PREFIX) || !OutboundMessage.CUSTOMER_SERVICE.equals(failed.channel())) {
            return;
        }
        String trackingNo = failed.deliveryKey().substring(KEY_PREFIX.length()).replaceFirst(":v\\d+$", "");
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("template", "applicant-notice");
        notice.put("title", texts.get("disclosure.notify.template-title"));
        notice.put("body", failed.payload());
        notice.put("reference", trackingNo);
        notice.put("time", LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).toString());
        notice.put("critical", false);
        // template fields are short, so the reply's download link becomes the message's link
        Matcher link = DOWNLOAD_LINK.matcher(failed.payload());
        if (link.find()) {
            notice.put("url", link.group());
        }
        outbox.enqueue(new OutboundMessage(failed.deliveryKey() + ":template", TEMPLATE_CHANNEL, failed.account(),
                failed.recipient(), json.writeValueAsString(notice)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DisclosureStatusChanged e) {
        if (e.appId() == null || e.openid() == null) {
            return;
        }
        String note = e.note() == null || e.note().isBlank() ? ""
                : e.action().equals("request-correction") || e.action().equals("reply") ? e.note()
                : texts.get("disclosure.notify.note", e.note());
        if (e.action().equals("reply")) {
            note = note + "\n" + replyNotice.delivery(e.trackingNo());
        }
        String text = texts.get("disclosure.notify." + e.action(), e.trackingNo(), String.valueOf(e.dueOn()), note)
                .replaceAll("\n{2,}", "\n").strip();
        outbox.enqueue(OutboundMessage.customerService("disclosure:" + e.trackingNo() + ":v" + e.version(),
                e.appId(), e.openid(), text));
    }
}
