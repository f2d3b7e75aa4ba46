package cn.zwgk.assistant.wechat;

/** An inbound request that is well signed but cannot be read: answered with 400. */
class BadMessageException extends RuntimeException {

    BadMessageException(String message) {
        super(message);
    }

    BadMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
