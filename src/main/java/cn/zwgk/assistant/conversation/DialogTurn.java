package cn.zwgk.assistant.conversation;

/**
 * What a {@link DialogHandler} does with one message: answer it ({@link #reply}), or let the intent
 * handlers answer it and append {@code followUp} ({@link #passThrough}). {@code loggedText}, when
 * set, is the message as the conversation log keeps it: a dialog that collects personal data
 * masks what it took ({@link #loggedAs}); null logs the message as received (scrubbed).
 */
public record DialogTurn(Reply reply, boolean passThrough, String followUp, String loggedText) {

    public static DialogTurn reply(Reply reply) {
        return new DialogTurn(reply, false, null, null);
    }

    public static DialogTurn passThrough(String followUp) {
        return new DialogTurn(Reply.none(), true, followUp, null);
    }

    /** This turn, with the message logged as {@code text}. */
    public DialogTurn loggedAs(String text) {
        return new DialogTurn(reply, passThrough, followUp, text);
    }
}
