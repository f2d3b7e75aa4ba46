package cn.zwgk.assistant.disclosure;

/** Where a case stands. {@link #CLOSED} and {@link #WITHDRAWN} are final. */
public enum CaseStatus {
    RECEIVED, ACCEPTED, CORRECTION_REQUESTED, EXTENDED, CONSULTING, REPLIED, CLOSED, WITHDRAWN;

    public boolean isFinal() {
        return this == CLOSED || this == WITHDRAWN;
    }
}
