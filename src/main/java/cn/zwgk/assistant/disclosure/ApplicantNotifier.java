package cn.zwgk.assistant.disclosure;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.zwgk.assistant.notification.OutboundMessage;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.platform.Texts;

/**
 * Tells online applicants about every status change of their case, as a customer-service message
 * through the outbox (one delivery key per case and change). It runs just before the status change
 * commits, so the message and the change are stored together or not at all; the relay sends it
 * after the commit. Outside WeChat's 48-hour window the channel cannot deliver; a template-message
 * fallback is not built yet.
 */
@Component
class ApplicantNotifier {

    private final OutboxService outbox;
    private final Texts texts;

    ApplicantNotifier(OutboxService outbox, Texts texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(DisclosureStatusChanged e) {
        if (e.appId() == null || e.openid() == null) {
            return;
        }
        String note = e.note() == null || e.note().isBlank() ? ""
                : e.action().equals("request-correction") || e.action().equals("reply") ? e.note()
                : texts.get("disclosure.notify.note", e.note());
        String text = texts.get("disclosure.notify." + e.action(), e.trackingNo(), String.valueOf(e.dueOn()), note)
                .replaceAll("\n{2,}", "\n").strip();
        outbox.enqueue(OutboundMessage.customerService("disclosure:" + e.trackingNo() + ":v" + e.version(),
                e.appId(), e.openid(), text));
    }
}
