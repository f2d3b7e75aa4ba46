package cn.zwgk.assistant.conversation;

import java.time.Instant;

/**
 * A message or event from a citizen or staff member, as the channel received it.
 *
 * @param appId      the Official Account it came to
 * @param openid     the sender
 * @param kind       text (voice with recognition counts as text), event, or anything else
 * @param text       the text, for {@link Kind#TEXT}
 * @param event      the event name in lower case ({@code subscribe}, {@code click}, …), for events
 * @param eventKey   the event key (menu key), for events
 * @param messageKey a key unique to this message across WeChat's retries
 * @param createdAt  WeChat's CreateTime
 */
public record InboundMessage(String appId, String openid, Kind kind, String text, String event,
                             String eventKey, String messageKey, Instant createdAt) {

    public enum Kind { TEXT, EVENT, UNSUPPORTED }

    public boolean isEvent(String name) {
        return kind == Kind.EVENT && name.equalsIgnoreCase(event);
    }
}
