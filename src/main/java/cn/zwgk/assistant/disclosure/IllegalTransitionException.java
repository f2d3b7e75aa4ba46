package cn.zwgk.assistant.disclosure;

/** A workflow action that the case's status does not allow (HTTP 409). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
