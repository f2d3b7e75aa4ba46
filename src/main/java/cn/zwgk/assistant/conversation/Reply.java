package cn.zwgk.assistant.conversation;

/**
 * What the bot answers to one inbound message; an empty text means "no reply".
 *
 * @param generated the text was written by a language model (not quoted, not a fixed text): where an
 *                  account is set to, WeChat marks such customer-service messages as AI content
 */
public record Reply(String text, boolean generated) {

    /**
     * The text that stands for WeChat's {@code transfer_customer_service} passive reply: the message goes
     * to the account's own WeChat customer-service system. Not a text anyone could send.
     */
    public static final String TRANSFER_TO_CUSTOMER_SERVICE = "\u0000transfer_customer_service";

    private static final Reply NONE = new Reply("", false);

    public static Reply none() {
        return NONE;
    }

    public static Reply of(String text) {
        return text == null || text.isBlank() ? NONE : new Reply(text, false);
    }

    /** A reply whose text a language model wrote. */
    public static Reply generated(String text) {
        return text == null || text.isBlank() ? NONE : new Reply(text, true);
    }

    /** Hands the conversation to the account's own WeChat customer-service system. */
    public static Reply transferToCustomerService() {
        return new Reply(TRANSFER_TO_CUSTOMER_SERVICE, false);
    }

    public boolean transfer() {
        return TRANSFER_TO_CUSTOMER_SERVICE.equals(text);
    }

    /** The same kind of reply with another text (a page of it, or it with a follow-up question). */
    public Reply withText(String other) {
        return generated ? generated(other) : of(other);
    }

    public boolean isEmpty() {
        return text == null || text.isBlank();
    }
}
