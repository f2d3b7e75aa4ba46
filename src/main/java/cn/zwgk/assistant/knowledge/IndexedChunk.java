package cn.zwgk.assistant.knowledge;

/**
 * One chunk with what the index needs to know about it and its document.
 *
 * @param sentenceEmbeddings the vectors of its {@link Sentences} units ({@link SentenceVectors}), or null
 */
record IndexedChunk(long chunkId, long documentId, int seq, String title, String issuer, String publishedOn,
                    String docNumber, String status, String section, String text, float[] embedding,
                    byte[] sentenceEmbeddings) {

    IndexedChunk withSentenceEmbeddings(byte[] vectors) {
        return new IndexedChunk(chunkId, documentId, seq, title, issuer, publishedOn, docNumber, status, section, text,
                embedding, vectors);
    }
}
