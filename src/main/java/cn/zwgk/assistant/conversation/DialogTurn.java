package cn.zwgk.assistant.conversation;

/**
 * What a {@link DialogHandler} does with one message: answer it ({@link #reply}), or let the intent
 * handlers answer it and append {@code followUp} ({@link #passThrough}).
 */
public record DialogTurn(Reply reply, boolean passThrough, String followUp) {

    public static DialogTurn reply(Reply reply) {
        return new DialogTurn(reply, false, null);
    }

    public static DialogTurn passThrough(String followUp) {
        return new DialogTurn(Reply.none(), true, followUp);
    }
}
