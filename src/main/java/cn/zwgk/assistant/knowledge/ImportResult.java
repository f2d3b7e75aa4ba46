package cn.zwgk.assistant.knowledge;

/**
 * What importing one file did.
 *
 * @param outcome {@code CREATED}, {@code UPDATED} (a new version replaced the old one) or
 *                {@code UNCHANGED} (the same content was already there)
 */
public record ImportResult(long documentId, String title, String outcome, int chunks) {
}
