package cn.zwgk.assistant.conversation;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import cn.zwgk.assistant.platform.Texts;

/**
 * The conversation router: turns one inbound message into one reply. Events and non-text
 * messages get the configured texts; text is classified into an {@link Intent} and answered by the
 * highest-precedence {@link IntentHandler}, unless the user is in a {@link DialogHandler dialog}, which
 * sees their text first; long answers are paged ("回复"更多"继续").
 */
@Service
public class ConversationService {

    /** Intents whose text is a citizen's own question or remark (observed for public opinion). */
    private static final Set<Intent> CITIZEN_SPEECH = EnumSet.of(Intent.POLICY_QUESTION, Intent.SMALL_TALK, Intent.HELP);

    private final IntentClassifier classifier;
    private final List<IntentHandler> handlers;
    private final List<DialogHandler> dialogs;
    private final List<PriorityAnswer> priorityAnswers;
    private final List<ConversationHold> holds;
    private final UserSessions sessions;
    private final Texts texts;
    private final ConversationProperties properties;
    private final ApplicationEventPublisher events;
    private final ConversationLogWriter conversationLog;
    private final Clock clock;

    ConversationService(IntentClassifier classifier, List<IntentHandler> handlers, List<DialogHandler> dialogs,
                        List<PriorityAnswer> priorityAnswers, List<ConversationHold> holds, UserSessions sessions, Texts texts,
                        ConversationProperties properties, ApplicationEventPublisher events,
                        ConversationLogWriter conversationLog, Clock clock) {
        this.conversationLog = conversationLog;
        this.classifier = classifier;
        this.handlers = handlers;
        this.priorityAnswers = priorityAnswers;
        this.holds = holds;
        this.events = events;
        this.dialogs = dialogs;
        this.sessions = sessions;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Answers one message and records it with its reply in the {@link ConversationLog}
     * (asynchronously), as the dialog that took it says to log it when one did ({@link DialogTurn#loggedText}).
     */
    public Reply handle(InboundMessage message) {
        long started = System.nanoTime();
        Intent intent = switch (message.kind()) {
            case TEXT -> classifier.classify(message.text());
            case EVENT -> message.isEvent("click") ? menuIntent(message) : null;
            case UNSUPPORTED -> null;
        };
        Handled handled = null;
        boolean text = message.kind() == InboundMessage.Kind.TEXT;
        if (text) {
            sessions.load(message.appId(), message.openid());
        }
        try {
            Optional<Reply> held = holds.stream().map(h -> h.whileHeld(message)).flatMap(Optional::stream).findFirst();
            handled = held.isPresent() ? new Handled(held.get(), null) : switch (message.kind()) {
                case EVENT -> new Handled(paged(message, onEvent(message, intent)), null);
                case UNSUPPORTED -> new Handled(Reply.of(texts.get("conversation.text-only")), null);
                case TEXT -> onText(message, intent);
            };
            return handled.reply();
        } finally {
            Reply reply = handled == null ? null : handled.reply();
            String inbound = handled == null || handled.loggedText() == null ? message.text() : handled.loggedText();
            if (text) {
                sessions.unload();
            }
            conversationLog.record(message, inbound, intent, reply == null || reply.isEmpty() ? null
                    : reply.transfer() ? "[transfer_customer_service]" : reply.text(), started);
        }
    }

    /** A reply, and the inbound text to log when it is not the message's own (null: the message's). */
    private record Handled(Reply reply, String loggedText) {
    }

    /** The text used when the bot cannot answer in time because it is overloaded or failing. */
    public String busyText() {
        return texts.get("conversation.busy");
    }

    private Handled onText(InboundMessage message, Intent intent) {
        if (intent == Intent.MORE) {
            return new Handled(sessions.nextPage(message.appId(), message.openid())
                    .map(Reply::of)
                    .orElseGet(() -> Reply.of(texts.get("conversation.no-more"))), null);
        }
        boolean freshSession = sessions.swap(message.appId(), message.openid(), "lastIntent", intent.name()).isEmpty();
        Optional<DialogHandler> dialog = activeDialog(message, freshSession);
        if (dialog.isPresent()) {
            DialogTurn turn = dialog.get().handle(message, intent);
            if (!turn.passThrough()) {
                return new Handled(paged(message, turn.reply()), turn.loggedText());
            }
            Reply answer = route(message, intent);
            String followUp = turn.followUp() == null ? "" : turn.followUp();
            return new Handled(paged(message, answer.isEmpty() ? Reply.of(followUp)
                    : answer.withText((answer.text() + "\n\n" + followUp).strip())), turn.loggedText());
        }
        if (CITIZEN_SPEECH.contains(intent)) {
            events.publishEvent(new CitizenAsked(message.appId(), message.openid(), message.text(), intent,
                    message.createdAt() == null ? clock.instant() : message.createdAt()));
        }
        return new Handled(paged(message, route(message, intent)), null);
    }

    /**
     * The user's active dialog; on the first message of a new session (expired, or Redis lost) a
     * dialog with unfinished state elsewhere resumes.
     */
    private Optional<DialogHandler> activeDialog(InboundMessage message, boolean freshSession) {
        if (dialogs.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = sessions.activeDialog(message.appId(), message.openid());
        if (name.isPresent()) {
            return dialogs.stream().filter(d -> d.name().equals(name.get())).findFirst();
        }
        if (!freshSession) {
            return Optional.empty();
        }
        for (DialogHandler d : dialogs) {
            if (d.resumable(message)) {
                sessions.startDialog(message.appId(), message.openid(), d.name());
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private Reply onEvent(InboundMessage message, Intent menuIntent) {
        return switch (message.event()) {
            case "subscribe" -> Reply.of(texts.get("conversation.welcome"));
            case "click" -> menu(message, menuIntent);
            default -> Reply.none();
        };
    }

    private static Intent menuIntent(InboundMessage message) {
        return switch (message.eventKey() == null ? "" : message.eventKey()) {
            case "POLICY_QA" -> Intent.POLICY_QUESTION;
            case "DISCLOSURE_APPLY" -> Intent.DISCLOSURE_APPLICATION;
            case "PROGRESS_QUERY" -> Intent.PROGRESS_QUERY;
            case "HOT_QUESTIONS" -> Intent.HOT_QUESTIONS;
            case "HANDOFF" -> Intent.HANDOFF;
            default -> Intent.HELP;
        };
    }

    private Reply menu(InboundMessage message, Intent intent) {
        if (intent == Intent.POLICY_QUESTION) {
            return Reply.of(texts.get("conversation.menu.policy"));
        }
        return route(message, intent);
    }

    private Reply route(InboundMessage message, Intent intent) {
        for (PriorityAnswer priority : priorityAnswers) {
            Optional<Reply> answer = priority.answer(message, intent);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        for (IntentHandler handler : handlers) {
            if (handler.supports(intent)) {
                return handler.handle(message, intent);
            }
        }
        return Reply.of(texts.get("conversation.fallback"));
    }

    private Reply paged(InboundMessage message, Reply reply) {
        if (reply.isEmpty() || reply.transfer()) {
            return reply;
        }
        List<String> pages = Paginator.paginate(Paginator.stripMarkdown(reply.text()), properties.pageChars(),
                texts.get("conversation.more-suffix"));
        sessions.savePages(message.appId(), message.openid(), pages.subList(1, pages.size()));
        return reply.withText(pages.get(0));
    }
}
