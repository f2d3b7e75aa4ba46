package cn.zwgk.assistant.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.PriorityAnswer;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.platform.Texts;

/**
 * A citizen asking about an incident with a published 口径 gets the 口径, before the knowledge base
 * is consulted; every such answer is logged.
 */
@Component
@Order(5) // after a rating ("1", "2"), before standard answers and hot questions: every asker gets the 口径
class QuickResponseAnswer implements PriorityAnswer {

    private static final Logger log = LoggerFactory.getLogger(QuickResponseAnswer.class);
    private static final Set<Intent> QUESTIONS = EnumSet.of(Intent.POLICY_QUESTION, Intent.SMALL_TALK, Intent.HELP);

    private final ResponseCatalog catalog;
    private final IncidentRepository repository;
    private final Askers askers;
    private final OpinionProperties properties;
    private final Texts texts;
    private final Clock clock;

    QuickResponseAnswer(ResponseCatalog catalog, IncidentRepository repository, Askers askers,
                        OpinionProperties properties, Texts texts, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
        this.askers = askers;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Optional<Reply> answer(InboundMessage message, Intent intent) {
        if (message.kind() != InboundMessage.Kind.TEXT || !QUESTIONS.contains(intent)) {
            return Optional.empty();
        }
        Optional<ResponseCatalog.Topic> topic = catalog.match(message.text(), properties.answerSimilarity())
                .filter(t -> t.responseId() != null);
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        ResponseCatalog.Topic t = topic.get();
        Instant now = clock.instant();
        repository.logUse(t.responseId(), message.openid(), "ANSWER", now);
        askers.asked(t.incidentId(), message.appId(), message.openid(), now);
        log.info("Quick response #{} (incident {}) answered a citizen question", t.responseId(), t.incidentId());
        return Optional.of(Reply.of(texts.get("opinion.answer", t.responseText())));
    }
}
