package cn.zwgk.assistant.disclosure;

/** No case with that tracking number (HTTP 404). */
class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String trackingNo) {
        super("no disclosure case " + trackingNo);
    }
}
