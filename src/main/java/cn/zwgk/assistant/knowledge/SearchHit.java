package cn.zwgk.assistant.knowledge;

/**
 * One retrieved passage.
 *
 * @param score      fused rank score (higher is better; only comparable within one search)
 * @param similarity cosine similarity of the passage to the question (bge), for evidence thresholds
 */
public record SearchHit(long chunkId, long documentId, String title, String issuer, String publishedOn,
                        String docNumber, String status, String section, String text, double score,
                        double similarity) {

    public boolean current() {
        return KnowledgeDocument.CURRENT.equals(status);
    }

    SearchHit withScore(double newScore) {
        return new SearchHit(chunkId, documentId, title, issuer, publishedOn, docNumber, status, section, text,
                newScore, similarity);
    }
}
