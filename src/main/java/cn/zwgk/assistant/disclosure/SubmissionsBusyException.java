package cn.zwgk.assistant.disclosure;

import java.time.Duration;

/**
 * Every submission slot of this instance stayed taken for the whole wait: nothing was stored, the
 * draft is unchanged and the same confirmation can simply be sent again.
 */
class SubmissionsBusyException extends RuntimeException {

    SubmissionsBusyException(Duration waited) {
        super("too many applications are being stored at once; waited " + waited.toMillis() + " ms, try again shortly");
    }
}
