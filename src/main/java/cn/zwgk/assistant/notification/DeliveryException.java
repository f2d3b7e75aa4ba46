package cn.zwgk.assistant.notification;

/** A failed send; {@link #permanent()} ones (unsubscribed user, closed window) are not retried. */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryException retry(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
