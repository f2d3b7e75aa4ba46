package cn.zwgk.assistant.simulator;

import java.util.Locale;
import java.util.Objects;

/**
 * A message or event a WeChat user sends to an Official Account, for {@link WechatServerEmulator}.
 *
 * @param appId    the account it goes to
 * @param openid   the sender
 * @param type     what the user did
 * @param text     the text (TEXT) or the speech recognition result (VOICE)
 * @param eventKey the menu key (CLICK)
 * @param encrypt  whether WeChat pushes it in safe mode (AES)
 */
record EmulatedMessage(String appId, String openid, Type type, String text, String eventKey,
                              boolean encrypt) {

    /** The user actions the emulator can push. */
    public enum Type {
        TEXT, SUBSCRIBE, UNSUBSCRIBE, CLICK, VOICE, IMAGE;

        /** The type named case-insensitively, e.g. {@code "text"} or {@code "click"}. */
        public static Type parse(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("message type missing");
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown message type " + name);
            }
        }
    }

    public EmulatedMessage {
        Objects.requireNonNull(type, "type");
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId missing");
        }
        if (openid == null || !openid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("openid must be 1-64 letters, digits, '-' or '_'");
        }
        if (type == Type.CLICK && (eventKey == null || eventKey.isBlank())) {
            throw new IllegalArgumentException("a menu click needs an eventKey");
        }
        if ((type == Type.TEXT || type == Type.VOICE) && text == null) {
            throw new IllegalArgumentException("a text or voice message needs text");
        }
    }

    public static EmulatedMessage text(String appId, String openid, String text) {
        return new EmulatedMessage(appId, openid, Type.TEXT, text, null, false);
    }

    public static EmulatedMessage event(String appId, String openid, Type type, String eventKey) {
        return new EmulatedMessage(appId, openid, type, null, eventKey, false);
    }

    /** The same message pushed in safe mode. */
    public EmulatedMessage encrypted() {
        return new EmulatedMessage(appId, openid, type, text, eventKey, true);
    }
}
