package cn.zwgk.assistant.knowledge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.conversation.UserSessions;
import cn.zwgk.assistant.feedback.RatedAnswer;
import cn.zwgk.assistant.feedback.RatingService;
import cn.zwgk.assistant.handoff.HandoffService;
import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.Texts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers policy questions on WeChat: plain text within one message (≤ 600 characters) with short
 * citation lines; "原文1" shows cited passage 1 of the last answer; a short follow-up ("那延期呢？")
 * is completed with the previous question, kept in the user's Redis session.
 */
@Component
@Order(100)
class PolicyQuestionHandler implements IntentHandler {

    static final int MAX_CHARS = 600;
    private static final Pattern ORIGINAL = Pattern.compile("^(原文|原文件|出处)\\s*([1-9])\\s*$");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Questions in a row the documents did not answer, in the user's session. */
    static final String MISSES = "kb.misses";

    private final KnowledgeService knowledge;
    private final UserSessions sessions;
    private final Texts texts;
    private final RatingService ratings;
    private final HotQuestions hot;
    private final HandoffService handoffs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionOperations tx;
    private final Vocabulary vocabulary;

    PolicyQuestionHandler(KnowledgeService knowledge, UserSessions sessions, Texts texts, RatingService ratings,
                          HotQuestions hot, HandoffService handoffs, ApplicationEventPublisher events, Clock clock,
                          TransactionOperations tx, Vocabulary vocabulary) {
        this.knowledge = knowledge;
        this.sessions = sessions;
        this.texts = texts;
        this.ratings = ratings;
        this.hot = hot;
        this.handoffs = handoffs;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
        this.vocabulary = vocabulary;
    }

    @Override
    public boolean supports(Intent intent) {
        return intent == Intent.POLICY_QUESTION;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        String text = message.text() == null ? "" : message.text().strip();
        Matcher original = ORIGINAL.matcher(ScriptConverter.toSimplified(text));
        if (original.matches()) {
            return Reply.of(original(message, Integer.parseInt(original.group(2))));
        }
        String question = FollowUps.complete(text, sessions.get(message.appId(), message.openid(), "kb.lastQuestion"));
        Answer answer = knowledge.ask(question);
        if (!answer.grounded() && !vocabulary.aboutGovernment(question)) {
            return Reply.of(texts.get("knowledge.answer.off-topic"));
        }
        if (Answer.NO_EVIDENCE.equals(answer.mode()) || answer.lowConfidence()) {
            // a transaction of its own only to record the event's publication: faq hears it after the commit
            WeakAnswerGiven weak = new WeakAnswerGiven(message.appId(), message.openid(), question, answer.text(),
                    answer.grounded() ? "LOW_CONFIDENCE" : Answer.NO_EVIDENCE, clock.instant());
            tx.executeWithoutResult(status -> events.publishEvent(weak));
        }
        // kept in Redis for follow-ups ("那延期呢？"): without the personal data a question may carry
        sessions.put(message.appId(), message.openid(), "kb.lastQuestion", Masking.scrub(question));
        sessions.put(message.appId(), message.openid(), "kb.citations", JSON.writeValueAsString(stored(answer)));
        if (answer.grounded() && question.equals(text)) {
            hot.answered(message.appId(), message.openid(), question);
        }
        String invitation = answer.grounded() ? "\n" + ratings.invite(message.appId(), message.openid(),
                new RatedAnswer(question, answer.body(), answer.mode(), answer.citations().stream()
                        .map(h -> new RatedAnswer.CitedDocument(h.documentId(), h.title())).toList())) : "";
        String reply = forWechat(answer, question, invitation) + offerAPerson(message, answer);
        return Answer.GENERATIVE.equals(answer.mode()) ? Reply.generated(reply) : Reply.of(reply);
    }

    /** After a second question in a row that the documents do not answer: the line offering a person. */
    private String offerAPerson(InboundMessage message, Answer answer) {
        if (answer.grounded()) {
            sessions.remove(message.appId(), message.openid(), MISSES);
            return "";
        }
        long misses = sessions.increment(message.appId(), message.openid(), MISSES);
        return misses < 2 ? "" : handoffs.offer(message.appId())
                .map(o -> "\n" + ScriptConverter.inScriptOf(message.text(), o)).orElse("");
    }

    /** The answer, the hint to see the original and the rating invitation, within one message. */
    private String forWechat(Answer answer, String question, String invitation) {
        // in the question's script, as the answer is
        String hint = answer.grounded()
                ? ScriptConverter.inScriptOf(question, "\n" + texts.get("knowledge.wechat.original-hint") + invitation) : "";
        String body = answer.text();
        if (body.length() + hint.length() > MAX_CHARS) {
            body = body.substring(0, MAX_CHARS - hint.length() - 1) + "…";
        }
        return body + hint;
    }

    private String original(InboundMessage message, int n) {
        List<Map<String, String>> cited = sessions.get(message.appId(), message.openid(), "kb.citations")
                .map(json -> JSON.readValue(json, new TypeReference<List<Map<String, String>>>() { }))
                .orElse(List.of());
        if (n > cited.size()) {
            return texts.get("knowledge.wechat.original-missing");
        }
        Map<String, String> c = cited.get(n - 1);
        String text = texts.get("knowledge.wechat.original", n, c.get("title"), c.get("source"), c.get("text"));
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS - 1) + "…" : text;
    }

    private static List<Map<String, String>> stored(Answer answer) {
        List<Map<String, String>> out = new ArrayList<>();
        for (SearchHit h : answer.citations()) {
            String source = String.join(" ", Stream.of(h.issuer(), h.docNumber(), h.publishedOn())
                    .filter(s -> s != null && !s.isBlank()).toList());
            out.add(Map.of("title", h.title(), "source", source, "text", h.text()));
        }
        return out;
    }
}
