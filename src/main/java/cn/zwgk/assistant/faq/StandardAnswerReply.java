package cn.zwgk.assistant.faq;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.PriorityAnswer;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.knowledge.TextSimilarity;

/** A policy question that a standard answer in force matches gets that answer, ahead of retrieval, in its script. */
@Component
@Order(10)
class StandardAnswerReply implements PriorityAnswer {

    private final StandardAnswers answers;

    StandardAnswerReply(StandardAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Optional<Reply> answer(InboundMessage message, Intent intent) {
        if (intent != Intent.POLICY_QUESTION || message.text() == null || message.text().isBlank()) {
            return Optional.empty();
        }
        return answers.answer(message.text()).map(text -> Reply.of(TextSimilarity.inScriptOf(message.text(), text)));
    }
}
