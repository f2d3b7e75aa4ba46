package cn.zwgk.assistant.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import cn.zwgk.assistant.conversation.UserSessions;
import cn.zwgk.assistant.handoff.HandoffService;
import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * 好差评: after a policy answer the citizen is invited to rate it ("有帮助回1，没帮助回2"); a "1" or "2"
 * within {@code feedback.rating-window} rates that answer, once. The answer waiting for its rating
 * is kept in the citizen's session, masked; the stored rating has no openid and no personal data.
 */
@Service
public class RatingService {

    static final String PENDING = "rating.pending";
    /** Unhelpful ratings in a row, in the user's session. */
    static final String UNHELPFUL = "rating.unhelpful";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final UserSessions sessions;
    private final RatingRepository repository;
    private final FeedbackProperties properties;
    private final Texts texts;
    private final HandoffService handoffs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionOperations tx;

    RatingService(UserSessions sessions, RatingRepository repository, FeedbackProperties properties, Texts texts,
                  HandoffService handoffs, ApplicationEventPublisher events, Clock clock, TransactionOperations tx) {
        this.tx = tx;
        this.handoffs = handoffs;
        this.events = events;
        this.sessions = sessions;
        this.repository = repository;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    /** Remembers the answer as the one a "1" or "2" rates next, and returns the line that invites it. */
    public String invite(String appId, String openid, RatedAnswer answer) {
        RatedAnswer masked = new RatedAnswer(Masking.scrub(answer.question()), Masking.scrub(answer.answer()),
                answer.mode(), answer.documents());
        Pending pending = new Pending(UUID.randomUUID().toString(), masked);
        sessions.putFor(appId, openid, PENDING, JSON.writeValueAsString(pending), properties.ratingWindow());
        return texts.get("feedback.invite");
    }

    /** The answer waiting for this citizen's rating, if it was given within the rating window. */
    Optional<Pending> pending(String appId, String openid) {
        return sessions.getLive(appId, openid, PENDING).map(json -> JSON.readValue(json, Pending.class));
    }

    void forget(String appId, String openid) {
        sessions.remove(appId, openid, PENDING);
    }

    /** Stores the rating of the pending answer; the reply thanks the citizen, or says it was rated already. */
    String rate(String appId, String openid, Pending pending, boolean helpful) {
        Instant now = clock.instant();
        // the rating and, when unhelpful, the event faq hears after the commit, stored together
        boolean stored = Boolean.TRUE.equals(tx.execute(status -> {
            boolean inserted = repository.insert(pending.id(), appId, helpful, pending.answer(), now,
                    LocalDate.ofInstant(now, OfficeTime.ZONE));
            if (inserted && !helpful) {
                events.publishEvent(new AnswerRatedUnhelpful(appId, openid, pending.answer().question(),
                        pending.answer().answer(), now));
            }
            return inserted;
        }));
        if (!stored) {
            return texts.get("feedback.already");
        }
        if (helpful) {
            sessions.remove(appId, openid, UNHELPFUL);
            return texts.get("feedback.thanks-helpful");
        }
        // a second unhelpful answer in a row: offer a person
        long unhelpful = sessions.increment(appId, openid, UNHELPFUL);
        String thanks = texts.get("feedback.thanks-unhelpful");
        return unhelpful >= 2 ? handoffs.offer(appId).map(o -> thanks + "\n" + o).orElse(thanks) : thanks;
    }

    /** The share of helpful ratings per day, most recent first, over the last {@code days} days. */
    public List<RatingShare> byDay(int days) {
        return repository.byDay(OfficeTime.today(clock).minusDays(days - 1L));
    }

    /** The share of helpful ratings per cited document over the last {@code days} days, most rated first. */
    public List<RatingShare> byDocument(int days, int limit) {
        return repository.byDocument(OfficeTime.today(clock).minusDays(days - 1L), limit);
    }

    /** An answer waiting for its rating: its id and what it was. */
    record Pending(String id, RatedAnswer answer) {
    }
}
