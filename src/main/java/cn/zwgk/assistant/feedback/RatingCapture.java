package cn.zwgk.assistant.feedback;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.PriorityAnswer;
import cn.zwgk.assistant.conversation.Reply;

/**
 * Takes a "1" or "2" sent within the rating window after a policy answer as its rating. Anything
 * else ends the wait, so a later "1" keeps its usual meaning; a dialog sees its own answers first
 * (the router gives an active dialog the text before any priority answer).
 */
@Component
@Order(0)
class RatingCapture implements PriorityAnswer {

    private static final Pattern RATING = Pattern.compile("^\\s*([12１２])\\s*$");

    private final RatingService ratings;

    RatingCapture(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public Optional<Reply> answer(InboundMessage message, Intent intent) {
        if (message.text() == null || message.openid() == null) {
            return Optional.empty();
        }
        var rating = RATING.matcher(message.text());
        Optional<RatingService.Pending> pending = ratings.pending(message.appId(), message.openid());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        if (!rating.matches()) {
            ratings.forget(message.appId(), message.openid());
            return Optional.empty();
        }
        boolean helpful = "1１".indexOf(rating.group(1).charAt(0)) >= 0;
        return Optional.of(Reply.of(ratings.rate(message.appId(), message.openid(), pending.get(), helpful)));
    }
}
