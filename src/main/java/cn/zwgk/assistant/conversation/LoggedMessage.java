package cn.zwgk.assistant.conversation;

import java.time.Instant;

/**
 * One message of the conversation log with the bot's reply, as stored: the texts are already
 * scrubbed of ID and mobile numbers and at most {@value ConversationLog#MAX_TEXT} characters long,
 * and the sender is known only by a display mask and a pseudonymous hash.
 *
 * @param id          the row id (increasing)
 * @param at          when the message was handled
 * @param appId       the Official Account it came to
 * @param userHash    a stable pseudonym of the sender (filter one user's thread with it)
 * @param userMasked  the openid's first and last 4 characters, for display
 * @param kind        text, event or an unsupported message type
 * @param event       the event name and key, for events; otherwise {@code null}
 * @param intent      the classified intent, for text and menu clicks; otherwise {@code null}
 * @param inboundText what the citizen sent (null for events)
 * @param replyText   what the bot answered ({@code null} when it did not answer or failed)
 * @param handlingMs  how long the bot took to produce the reply
 */
public record LoggedMessage(long id, Instant at, String appId, String userHash, String userMasked,
                            InboundMessage.Kind kind, String event, Intent intent, String inboundText,
                            String replyText, int handlingMs) {
}
