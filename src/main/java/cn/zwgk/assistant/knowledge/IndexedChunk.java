package cn.zwgk.assistant.knowledge;

/** One chunk with what the index needs to know about it and its document. */
record IndexedChunk(long chunkId, long documentId, int seq, String title, String issuer, String publishedOn,
                    String docNumber, String status, String section, String text, float[] embedding) {
}
