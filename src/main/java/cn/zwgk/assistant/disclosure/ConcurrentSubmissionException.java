package cn.zwgk.assistant.disclosure;

/** The same draft was confirmed twice at the same moment; the other confirmation stored it. */
class ConcurrentSubmissionException extends RuntimeException {

    ConcurrentSubmissionException(String draftId, Throwable cause) {
        super("draft " + draftId + " was submitted concurrently", cause);
    }
}
