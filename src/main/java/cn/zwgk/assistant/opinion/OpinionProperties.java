package cn.zwgk.assistant.opinion;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Public-opinion settings.
 *
 * @param authoritativeInfo    latest time for authoritative information on (especially) major incidents
 * @param authoritativeTarget  the office's internal target for it
 * @param pressConference      latest time for the press conference on (especially) major incidents
 * @param generalResponse      latest time for a response to a general incident
 * @param alertAt              clock alerts, as fractions of each milestone's time (1.0 = at the deadline)
 * @param secondApproval       a quick response needs a leader's approval before it is used
 * @param burstUsers           distinct users in the window that make a topic an alert
 * @param alarmUsers           distinct users that suffice when the topic carries an alarm word
 * @param window               the sliding window of the early warning
 * @param alarmWords           words that make a topic urgent
 * @param topicSimilarity      least cosine similarity for a message to join a topic
 * @param answerSimilarity     least similarity of a question to an incident for its 口径 to be the answer
 * @param pushWithin           citizens who asked about the incident this long ago receive a new 口径
 */
@ConfigurationProperties("opinion")
record OpinionProperties(
        @DefaultValue("5h") Duration authoritativeInfo,
        @DefaultValue("3h") Duration authoritativeTarget,
        @DefaultValue("24h") Duration pressConference,
        @DefaultValue("48h") Duration generalResponse,
        @DefaultValue({"0.5", "0.8", "1.0"}) List<Double> alertAt,
        @DefaultValue("false") boolean secondApproval,
        @DefaultValue("8") int burstUsers,
        @DefaultValue("3") int alarmUsers,
        @DefaultValue("30m") Duration window,
        @DefaultValue({"事故", "爆炸", "维权", "曝光", "投诉", "死亡", "伤亡", "起火", "坍塌", "中毒", "上访", "群体"}) List<String> alarmWords,
        @DefaultValue("0.60") double topicSimilarity,
        @DefaultValue("0.70") double answerSimilarity,
        @DefaultValue("48h") Duration pushWithin) {
}
