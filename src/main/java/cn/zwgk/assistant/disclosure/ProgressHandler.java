package cn.zwgk.assistant.disclosure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.Reply;

/**
 * "查询进度" or a tracking number: status, next step and due date of the user's own applications
 * (matched by appId and openid; other people's tracking numbers are not found).
 */
@Component
@Order(100)
class ProgressHandler implements IntentHandler {

    private static final Pattern TRACKING_NO = Pattern.compile("YSQ-\\d{4}-\\d{6}", Pattern.CASE_INSENSITIVE);
    private static final int LIMIT = 5;

    private final DisclosureService service;
    private final DialogReplies replies;

    ProgressHandler(DisclosureService service, DialogReplies replies) {
        this.service = service;
        this.replies = replies;
    }

    @Override
    public boolean supports(Intent intent) {
        return intent == Intent.PROGRESS_QUERY;
    }

    @Override
    public Reply handle(InboundMessage m, Intent intent) {
        Matcher no = TRACKING_NO.matcher(m.text() == null ? "" : m.text());
        if (no.find()) {
            String trackingNo = no.group().toUpperCase(Locale.ROOT);
            Optional<CaseView> own = service.find(trackingNo)
                    .filter(c -> m.appId().equals(c.appId()) && m.openid().equals(c.openid()));
            return Reply.of(own.map(this::item).orElseGet(() -> replies.get("progress.not-found", trackingNo)));
        }
        List<CaseView> cases = service.forApplicant(m.appId(), m.openid(), LIMIT);
        if (cases.isEmpty()) {
            return Reply.of(replies.get("progress.none"));
        }
        StringBuilder text = new StringBuilder(replies.get("progress.header"));
        cases.forEach(c -> text.append("\n\n").append(item(c)));
        return Reply.of(text.toString());
    }

    private String item(CaseView c) {
        String d = DialogReplies.inert(c.description());
        return replies.get("progress.item", c.trackingNo(), d.codePointCount(0, d.length()) > 30
                        ? d.substring(0, d.offsetByCodePoints(0, 30)) + "…" : d,
                replies.get("status." + c.status()), replies.get("next." + c.status()),
                DialogReplies.date(java.time.LocalDate.parse(c.dueOn())));
    }
}
