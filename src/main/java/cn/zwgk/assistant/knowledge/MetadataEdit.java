package cn.zwgk.assistant.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An administrator's correction of a document's header. Blank fields are stored as absent; only
 * the title is required.
 *
 * @param publishedOn 发布日期 as {@code YYYY-MM-DD}
 */
public record MetadataEdit(String title, String issuer, String docNumber, String publishedOn, String indexNo) {

    static final int MAX_TITLE = 500;
    static final int MAX_FIELD = 200;

    public MetadataEdit {
        title = strip(title);
        issuer = strip(issuer);
        docNumber = strip(docNumber);
        publishedOn = strip(publishedOn);
        indexNo = strip(indexNo);
    }

    /** What is wrong, field → {@code missing}, {@code too-long} or {@code date}; empty when the edit is valid. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title == null) {
            problems.put("title", "missing");
        } else if (title.length() > MAX_TITLE) {
            problems.put("title", "too-long");
        }
        if (publishedOn != null) {
            try {
                LocalDate.parse(publishedOn);
            } catch (DateTimeParseException e) {
                problems.put("publishedOn", "date");
            }
        }
        tooLong(problems, "issuer", issuer);
        tooLong(problems, "docNumber", docNumber);
        tooLong(problems, "indexNo", indexNo);
        return problems;
    }

    DocumentMetadata applyTo(KnowledgeDocument d) {
        return new DocumentMetadata(title, indexNo, issuer, publishedOn, docNumber, d.subjectTerms(), d.catalog(),
                d.origin());
    }

    private static void tooLong(Map<String, String> problems, String field, String value) {
        if (value != null && value.length() > MAX_FIELD) {
            problems.put(field, "too-long");
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
