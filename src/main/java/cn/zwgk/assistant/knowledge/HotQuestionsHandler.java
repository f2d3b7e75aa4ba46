package cn.zwgk.assistant.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.PriorityAnswer;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.conversation.UserSessions;
import cn.zwgk.assistant.platform.Texts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * "热门问题" (a message or the menu item) lists this week's most asked answered questions, numbered;
 * a number sent within {@link #PICK_WINDOW} asks that question. Any other message ends the choice,
 * so a later number keeps its usual meaning (a rating of an answer, which is looked at first).
 */
@Component
@Order(100)
class HotQuestionsHandler implements IntentHandler, PriorityAnswer {

    static final int LISTED = 5;
    static final Duration PICK_WINDOW = Duration.ofMinutes(10);
    private static final String LIST = "kb.hot";
    private static final Pattern NUMBER = Pattern.compile("^\\s*([1-9１-９])\\s*$");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LISTED_QUESTIONS = new TypeReference<>() { };

    private final HotQuestions hot;
    private final PolicyQuestionHandler questions;
    private final UserSessions sessions;
    private final Texts texts;

    HotQuestionsHandler(HotQuestions hot, PolicyQuestionHandler questions, UserSessions sessions, Texts texts) {
        this.hot = hot;
        this.questions = questions;
        this.sessions = sessions;
        this.texts = texts;
    }

    @Override
    public boolean supports(Intent intent) {
        return intent == Intent.HOT_QUESTIONS;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        List<String> top = hot.top(message.appId(), LISTED);
        if (top.isEmpty()) {
            return Reply.of(texts.get("knowledge.hot.empty"));
        }
        sessions.putFor(message.appId(), message.openid(), LIST, JSON.writeValueAsString(top), PICK_WINDOW);
        StringBuilder sb = new StringBuilder(texts.get("knowledge.hot.title"));
        for (int i = 0; i < top.size(); i++) {
            sb.append('\n').append(i + 1).append(". ").append(top.get(i));
        }
        return Reply.of(sb.append('\n').append(texts.get("knowledge.hot.pick")).toString());
    }

    /** A number after the list asks the question it stands for. */
    @Override
    public Optional<Reply> answer(InboundMessage message, Intent intent) {
        if (message.text() == null || message.openid() == null) {
            return Optional.empty();
        }
        Optional<List<String>> listed = sessions.getLive(message.appId(), message.openid(), LIST)
                .map(json -> JSON.readValue(json, LISTED_QUESTIONS));
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(message.text());
        if (!number.matches()) {
            sessions.remove(message.appId(), message.openid(), LIST);
            return Optional.empty();
        }
        int n = Character.getNumericValue(number.group(1).charAt(0));
        if (n > listed.get().size()) {
            return Optional.empty();
        }
        String question = listed.get().get(n - 1);
        InboundMessage asked = new InboundMessage(message.appId(), message.openid(), InboundMessage.Kind.TEXT, question,
                null, null, message.messageKey(), message.createdAt());
        return Optional.of(questions.handle(asked, Intent.POLICY_QUESTION));
    }
}
