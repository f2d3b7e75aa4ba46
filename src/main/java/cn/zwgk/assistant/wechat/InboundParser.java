package cn.zwgk.assistant.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.InboundMessage.Kind;

/** Turns the fields of a WeChat message into an {@link InboundMessage}. */
final class InboundParser {

    private InboundParser() {
    }

    /** The message in {@code f}; one without a {@code CreateTime} was created when {@code clock} says it is. */
    static InboundMessage parse(Account account, Map<String, String> f, Clock clock) {
        String from = f.get("FromUserName");
        String type = f.get("MsgType");
        if (from == null || from.isBlank() || type == null || type.isBlank()) {
            throw new BadMessageException("FromUserName and MsgType are required");
        }
        Instant created = createTime(f.get("CreateTime"), clock);
        String msgId = f.get("MsgId");
        String lowerType = type.trim().toLowerCase(Locale.ROOT);
        return switch (lowerType) {
            case "text" -> message(account, f, from, Kind.TEXT, f.getOrDefault("Content", ""), msgId, created);
            case "voice" -> {
                String recognition = f.get("Recognition");
                boolean heard = recognition != null && !recognition.isBlank();
                yield message(account, f, from, heard ? Kind.TEXT : Kind.UNSUPPORTED,
                        heard ? recognition : null, msgId, created);
            }
            case "event" -> {
                String event = f.getOrDefault("Event", "").trim().toLowerCase(Locale.ROOT);
                String key = f.getOrDefault("EventKey", "");
                String dedupe = msgId != null && !msgId.isBlank() ? msgId
                        : "e:" + from + ":" + f.get("CreateTime") + ":" + event + ":" + key;
                yield new InboundMessage(account.appId(), from, Kind.EVENT, null, event, key, dedupe, created);
            }
            default -> message(account, f, from, Kind.UNSUPPORTED, null, msgId, created);
        };
    }

    private static InboundMessage message(Account account, Map<String, String> f, String from, Kind kind,
                                          String text, String msgId, Instant created) {
        String dedupe = msgId != null && !msgId.isBlank() ? msgId.trim()
                : "m:" + from + ":" + f.get("CreateTime") + ":" + Integer.toHexString(String.valueOf(text).hashCode());
        return new InboundMessage(account.appId(), from, kind, text, null, null, dedupe, created);
    }

    private static Instant createTime(String value, Clock clock) {
        try {
            return value == null ? clock.instant() : Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new BadMessageException("CreateTime is not a number");
        }
    }
}
