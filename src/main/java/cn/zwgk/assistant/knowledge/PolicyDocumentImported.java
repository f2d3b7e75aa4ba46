package cn.zwgk.assistant.knowledge;

import java.time.LocalDate;

/**
 * A policy document was imported that needs a published interpretation (政策解读).
 *
 * @param publishedOn the policy's publication date (the import date when the document has none)
 * @param department  the drafting department that owes it, or null
 */
public record PolicyDocumentImported(long documentId, String title, LocalDate publishedOn, String department) {
}
