package cn.zwgk.assistant.reminder;

/** A reminder recipient that is not staff: a 400 in the API, a message in the console. */
public class NotStaffRecipient extends IllegalArgumentException {

    private final String recipient;

    NotStaffRecipient(String recipient, String message) {
        super(message);
        this.recipient = recipient;
    }

    /** The entry as given. */
    public String recipient() {
        return recipient;
    }
}
