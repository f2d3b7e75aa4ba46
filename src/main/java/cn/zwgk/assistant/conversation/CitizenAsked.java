package cn.zwgk.assistant.conversation;

import java.time.Instant;

/**
 * A citizen sent a free-text question or remark (not a dialog answer, not a staff command). Published
 * on the thread that answers the message: listeners that do slow work hand it off.
 */
public record CitizenAsked(String appId, String openid, String text, Intent intent, Instant at) {
}
