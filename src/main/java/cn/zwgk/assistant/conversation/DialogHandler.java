package cn.zwgk.assistant.conversation;

/**
 * A multi-turn dialog (filling in a form, …). While a user has an active dialog
 * ({@link UserSessions#startDialog}), {@link ConversationService} gives it their text messages
 * before intent routing; the dialog answers itself or passes the message on to the
 * {@link IntentHandler}s and adds a line to bring the user back (a question in the middle of a form).
 */
public interface DialogHandler {

    /** The name stored in the session while the dialog is active. */
    String name();

    /** The next turn of the active dialog. */
    DialogTurn handle(InboundMessage message, Intent intent);

    /**
     * Whether this dialog has unfinished state elsewhere (e.g. the database) for a user whose
     * session is new (expired, or the session store was lost); if so it becomes active. Asked once
     * per new session, so it may query the database.
     */
    default boolean resumable(InboundMessage message) {
        return false;
    }
}
