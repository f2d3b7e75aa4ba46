package cn.zwgk.assistant.disclosure;

/** The case has no attachment with that id (HTTP 404). */
class AttachmentNotFoundException extends RuntimeException {

    AttachmentNotFoundException(String trackingNo, long id) {
        super(trackingNo + " has no attachment " + id);
    }
}
