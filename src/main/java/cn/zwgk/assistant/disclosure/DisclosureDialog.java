package cn.zwgk.assistant.disclosure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.DialogHandler;
import cn.zwgk.assistant.conversation.DialogTurn;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.conversation.UserSessions;

/**
 * The 依申请公开 application by conversation. The draft lives in the database (encrypted); the
 * session only remembers which draft is open, so losing Redis loses nothing. Each message may
 * answer several fields or correct earlier ones; questions in between go to the other handlers and
 * the pending field is asked again; "取消" drops the draft; "确认" after the summary submits it once.
 */
@Component
class DisclosureDialog implements DialogHandler {

    static final String NAME = "disclosure";
    static final String DRAFT_KEY = "disclosure.draft";
    private static final Pattern CANCEL = Pattern.compile("^(取消|取消申请|不申请了|退出|算了|不办了|放弃|放弃申请)[。.!！]*$");
    private static final Pattern CONFIRM = Pattern.compile("^(确认|确定|提交|确认提交|确认无误|没问题|对的?)[。.!！]*$");
    private static final Pattern QUESTION = Pattern.compile("[？?]\\s*$|吗|怎么|如何|多久|多长时间|什么|哪些|哪里|能否|是否|为什么");
    private static final Pattern END_QUESTION = Pattern.compile("([？?]|吗[。]?)\\s*$");
    private static final Set<DraftField> FREE_TEXT = EnumSet.of(DraftField.NAME, DraftField.LEGAL_REP,
            DraftField.CONTACT, DraftField.ADDRESS, DraftField.DESCRIPTION);

    private final DraftStore drafts;
    private final UserSessions sessions;
    private final DisclosureService service;
    private final DialogReplies replies;

    DisclosureDialog(DraftStore drafts, UserSessions sessions, DisclosureService service, DialogReplies replies) {
        this.drafts = drafts;
        this.sessions = sessions;
        this.service = service;
        this.replies = replies;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean resumable(InboundMessage m) {
        return m.kind() == InboundMessage.Kind.TEXT && drafts.latestActive(m.appId(), m.openid()).isPresent();
    }

    /** Starts an application, or resumes the one the user has not finished. */
    Reply start(InboundMessage m) {
        Optional<Draft> open = current(m);
        sessions.startDialog(m.appId(), m.openid(), NAME);
        if (open.isPresent()) {
            sessions.put(m.appId(), m.openid(), DRAFT_KEY, open.get().id);
            return Reply.of(replies.get("resume") + "\n" + replies.next(open.get()));
        }
        Draft d = drafts.create(m.appId(), m.openid());
        sessions.put(m.appId(), m.openid(), DRAFT_KEY, d.id);
        List<String> notes = new ArrayList<>();
        FieldExtractor.descriptionIn(m.text()).ifPresent(v -> describe(d, v, notes));
        return Reply.of(replies.get("start") + "\n" + advance(d, notes));
    }

    @Override
    public DialogTurn handle(InboundMessage m, Intent intent) {
        boolean fromSession = sessions.get(m.appId(), m.openid(), DRAFT_KEY).isPresent();
        Optional<Draft> found = current(m);
        if (found.isEmpty()) {
            sessions.endDialog(m.appId(), m.openid());
            return DialogTurn.passThrough(null);
        }
        Draft d = found.get();
        String prefix = fromSession ? "" : replies.get("resume") + "\n";
        sessions.put(m.appId(), m.openid(), DRAFT_KEY, d.id);
        String text = m.text() == null ? "" : m.text().strip();
        if (CANCEL.matcher(text).matches()) {
            drafts.finish(d.id, "CANCELLED", null);
            end(m);
            return DialogTurn.reply(Reply.of(replies.get("cancelled")));
        }
        if (d.pending == null && CONFIRM.matcher(text).matches()) {
            return DialogTurn.reply(Reply.of(submit(m, d)));
        }
        if (intent == Intent.PROGRESS_QUERY || intent == Intent.HELP) {
            return DialogTurn.passThrough(replies.get("back-to-form", replies.next(d)));
        }
        FieldExtractor.Result r = FieldExtractor.explicit(text, d, service.today());
        if (r.isEmpty() && isQuestion(text, d.pending)) {
            return DialogTurn.passThrough(replies.get("back-to-form", replies.next(d)));
        }
        List<String> notes = new ArrayList<>();
        DraftField asked = d.pending;
        Map<DraftField, String> taken = new java.util.LinkedHashMap<>(r.values());
        if (d.pending != null && FREE_TEXT.contains(d.pending) && !taken.containsKey(d.pending)
                && !r.errors().containsKey(d.pending) && intent != Intent.SMALL_TALK
                && intent != Intent.DISCLOSURE_APPLICATION) {
            String residual = r.isEmpty() ? text : FieldExtractor.residual(text,
                    r.values().containsKey(DraftField.FORM) || r.values().containsKey(DraftField.DELIVERY));
            FieldExtractor.freeText(residual).ifPresent(v -> taken.put(d.pending, v));
        }
        if (intent == Intent.DISCLOSURE_APPLICATION && !taken.containsKey(DraftField.DESCRIPTION)) {
            FieldExtractor.descriptionIn(text).ifPresent(v -> taken.put(DraftField.DESCRIPTION, v));
        }
        String logged = FormInputLog.masked(text, asked, taken, r.errors().keySet());
        String description = taken.remove(DraftField.DESCRIPTION);
        taken.forEach(d.values::put);
        if (!taken.isEmpty()) {
            notes.add(replies.noted(d, taken));
        }
        r.errors().values().forEach(e -> notes.add(replies.invalid(e)));
        if (description != null) {
            describe(d, description, notes);
        }
        if (notes.isEmpty() && !text.isEmpty() && intent != Intent.SMALL_TALK && intent != Intent.DISCLOSURE_APPLICATION) {
            notes.add(replies.get("not-understood"));
        }
        return DialogTurn.reply(Reply.of(prefix + advance(d, notes))).loggedAs(logged != null ? logged
                : replies.get("log-hidden", text.codePointCount(0, text.length())));
    }

    /** Moves the draft to its next question (or the summary), saves it and renders the reply. */
    private String advance(Draft d, List<String> notes) {
        boolean vagueNow = notes.contains(replies.get("vague"));
        d.pending = vagueNow ? DraftField.DESCRIPTION : d.nextMissing().orElse(null);
        drafts.save(d);
        String body = vagueNow ? "" : replies.next(d);
        return (String.join("\n", notes) + "\n" + body).strip();
    }

    private void describe(Draft d, String value, List<String> notes) {
        String capped = FieldExtractor.cap(value);
        if (FieldExtractor.vague(capped) && !d.vagueAsked) {
            d.vagueAsked = true;
            notes.add(replies.get("vague"));
            return;
        }
        if (!capped.equals(value)) {
            notes.add(replies.get("truncated", FieldExtractor.MAX_DESCRIPTION));
        }
        d.values.put(DraftField.DESCRIPTION, capped);
    }

    private String submit(InboundMessage m, Draft d) {
        Map<String, String> errors = ApplicationChecks.check(d.toApplication(), service.today());
        if (!errors.isEmpty()) {
            return advance(d, List.of(replies.invalid(errors.values().iterator().next())));
        }
        CaseView view;
        try {
            view = service.submitOnline(d.id, m.appId(), m.openid(), d.toApplication());
        } catch (ConcurrentSubmissionException e) {
            view = service.findByDraft(d.id).orElseThrow(() -> e);
        } catch (SubmissionsBusyException e) {
            return replies.get("submission-busy");
        }
        drafts.finish(d.id, "SUBMITTED", view.trackingNo());
        end(m);
        return replies.get("submitted", view.trackingNo(),
                DialogReplies.date(java.time.LocalDate.parse(view.receivedOn())),
                DialogReplies.date(java.time.LocalDate.parse(view.dueOn())));
    }

    /** A question rather than an answer; a description may contain question words, so only a final "？" or "吗" counts there. */
    private static boolean isQuestion(String text, DraftField pending) {
        return pending == DraftField.DESCRIPTION ? END_QUESTION.matcher(text).find() : QUESTION.matcher(text).find();
    }

    private Optional<Draft> current(InboundMessage m) {
        Optional<String> id = sessions.get(m.appId(), m.openid(), DRAFT_KEY);
        Optional<Draft> d = id.flatMap(i -> drafts.findActive(i, m.appId(), m.openid()));
        return d.isPresent() ? d : drafts.latestActive(m.appId(), m.openid());
    }

    private void end(InboundMessage m) {
        sessions.endDialog(m.appId(), m.openid());
        sessions.remove(m.appId(), m.openid(), DRAFT_KEY);
    }
}
