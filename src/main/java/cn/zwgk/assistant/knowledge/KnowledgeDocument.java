package cn.zwgk.assistant.knowledge;

/**
 * A document of the knowledge base as listed to administrators.
 *
 * @param status {@code CURRENT}, {@code REPEALED} (废止) or {@code SUPERSEDED}; only current documents are cited as in force
 */
public record KnowledgeDocument(long id, String source, String title, String indexNo, String issuer,
                                String publishedOn, String docNumber, String subjectTerms, String catalog,
                                String origin, String status, int chunks) {

    public static final String CURRENT = "CURRENT";
    public static final String REPEALED = "REPEALED";
    public static final String SUPERSEDED = "SUPERSEDED";

    public boolean current() {
        return CURRENT.equals(status);
    }
}
