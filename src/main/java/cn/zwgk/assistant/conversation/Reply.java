package cn.zwgk.assistant.conversation;

/** What the bot answers to one inbound message; an empty text means "no reply". */
public record Reply(String text) {

    private static final Reply NONE = new Reply("");

    public static Reply none() {
        return NONE;
    }

    public static Reply of(String text) {
        return text == null || text.isBlank() ? NONE : new Reply(text);
    }

    public boolean isEmpty() {
        return text == null || text.isBlank();
    }
}
