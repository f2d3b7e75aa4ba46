package cn.zwgk.assistant.knowledge;

/**
 * What the standard header block of a government page says about a document. Any field but the
 * title may be null.
 */
record DocumentMetadata(String title, String indexNo, String issuer, String publishedOn, String docNumber,
                        String subjectTerms, String catalog, String origin) {

    DocumentMetadata withTitle(String newTitle) {
        return new DocumentMetadata(newTitle, indexNo, issuer, publishedOn, docNumber, subjectTerms, catalog, origin);
    }
}
