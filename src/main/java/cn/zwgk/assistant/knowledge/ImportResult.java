package cn.zwgk.assistant.knowledge;

/**
 * What importing one file did.
 *
 * @param file    the file name or URL it came from
 * @param outcome {@code CREATED}, {@code UPDATED} (a new version replaced the old one),
 *                {@code UNCHANGED} (the same content was already there) or {@code FAILED}
 * @param error   why it failed (null otherwise)
 */
public record ImportResult(String file, long documentId, String title, String outcome, int chunks, String error) {

    static ImportResult failed(String file, String error) {
        return new ImportResult(file, 0, null, "FAILED", 0, error);
    }

    public boolean failed() {
        return error != null;
    }
}
