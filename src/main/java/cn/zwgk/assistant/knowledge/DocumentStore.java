package cn.zwgk.assistant.knowledge;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Documents, chunks (with their embeddings) and the change counter, in the relational database. */
@Repository
class DocumentStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    DocumentStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    Optional<Long> findByHash(String hash) {
        return jdbc.sql("select id from kb_document where content_hash = ?").param(hash).query(Long.class).optional();
    }

    /** The current document this one is a new version of: same source file, or same title. */
    Optional<Long> findPrevious(String source, String title) {
        return jdbc.sql("select id from kb_document where status = 'CURRENT' and (source = ? or title = ?) order by id")
                .params(source, title).query(Long.class).list().stream().findFirst();
    }

    long insert(ParsedDocument doc, String hash) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        DocumentMetadata m = doc.metadata();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into kb_document (source, title, index_no, issuer, published_on, doc_number, subject_terms,
                  catalog, origin, content_hash, status, body, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CURRENT', ?, ?, ?)""")
                .params(cut(doc.source(), 500), cut(m.title(), 500), cut(m.indexNo(), 200), cut(m.issuer(), 200),
                        cut(m.publishedOn(), 40), cut(m.docNumber(), 200), cut(m.subjectTerms(), 500),
                        cut(m.catalog(), 200), cut(m.origin(), 200), hash, doc.body(), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, ParsedDocument doc, String hash) {
        DocumentMetadata m = doc.metadata();
        jdbc.sql("""
                update kb_document set source = ?, title = ?, index_no = ?, issuer = ?, published_on = ?, doc_number = ?,
                  subject_terms = ?, catalog = ?, origin = ?, content_hash = ?, status = 'CURRENT', body = ?, updated_at = ?
                where id = ?""")
                .params(cut(doc.source(), 500), cut(m.title(), 500), cut(m.indexNo(), 200), cut(m.issuer(), 200),
                        cut(m.publishedOn(), 40), cut(m.docNumber(), 200), cut(m.subjectTerms(), 500),
                        cut(m.catalog(), 200), cut(m.origin(), 200), hash, doc.body(),
                        Timestamp.from(clock.instant()), id)
                .update();
        jdbc.sql("delete from kb_chunk where document_id = ?").param(id).update();
    }

    void insertChunks(long documentId, List<Chunker.Piece> pieces, List<float[]> embeddings,
            List<byte[]> sentenceEmbeddings) {
        template.batchUpdate("insert into kb_chunk (document_id, seq, section, text, embedding, sentence_embeddings)"
                + " values (?, ?, ?, ?, ?, ?)",
                java.util.stream.IntStream.range(0, pieces.size()).boxed().toList(), 200, (ps, seq) -> {
                    Chunker.Piece piece = pieces.get(seq);
                    ps.setLong(1, documentId);
                    ps.setInt(2, seq);
                    ps.setString(3, cut(piece.section(), 1000));
                    ps.setString(4, piece.text());
                    ps.setBytes(5, toBytes(embeddings.get(seq)));
                    ps.setBytes(6, sentenceEmbeddings.get(seq));
                });
    }

    void setSentenceEmbeddings(long chunkId, byte[] vectors) {
        jdbc.sql("update kb_chunk set sentence_embeddings = ? where id = ?").params(vectors, chunkId).update();
    }

    List<KnowledgeDocument> list() {
        return jdbc.sql("""
                select d.*, (select count(*) from kb_chunk c where c.document_id = d.id) as chunks
                from kb_document d order by d.id""").query(DocumentStore::document).list();
    }

    Optional<KnowledgeDocument> find(long id) {
        return jdbc.sql("""
                select d.*, (select count(*) from kb_chunk c where c.document_id = d.id) as chunks
                from kb_document d where d.id = ?""").param(id).query(DocumentStore::document).optional();
    }

    boolean delete(long id) {
        jdbc.sql("delete from kb_chunk where document_id = ?").param(id).update();
        return jdbc.sql("delete from kb_document where id = ?").param(id).update() > 0;
    }

    boolean setStatus(long id, String status) {
        return jdbc.sql("update kb_document set status = ?, updated_at = ? where id = ?")
                .params(status, Timestamp.from(clock.instant()), id).update() > 0;
    }

    /** Changes what the document's header says (the body and its chunks stay as they are). */
    boolean updateMetadata(long id, String title, String issuer, String docNumber, String publishedOn, String indexNo) {
        return jdbc.sql("""
                update kb_document set title = ?, issuer = ?, doc_number = ?, published_on = ?, index_no = ?, updated_at = ?
                where id = ?""")
                .params(cut(title, 500), cut(issuer, 200), cut(docNumber, 200), cut(publishedOn, 40), cut(indexNo, 200),
                        Timestamp.from(clock.instant()), id)
                .update() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from kb_document").query(Long.class).single();
    }

    long version() {
        return jdbc.sql("select version from kb_change where id = 1").query(Long.class).single();
    }

    void bumpVersion() {
        jdbc.sql("update kb_change set version = version + 1 where id = 1").update();
    }

    /** Every chunk of one document, or of all documents when {@code documentId} is null. */
    void forEachChunk(Long documentId, Consumer<IndexedChunk> consumer) {
        String sql = """
                select c.id, c.document_id, c.seq, c.section, c.text, c.embedding, c.sentence_embeddings, d.title, d.issuer, d.published_on,
                  d.doc_number, d.status
                from kb_chunk c join kb_document d on d.id = c.document_id""" + (documentId == null ? "" : " where d.id = ?")
                + " order by c.document_id, c.seq";
        RowCallbackHandler handler = rs -> consumer.accept(new IndexedChunk(rs.getLong("id"), rs.getLong("document_id"),
                rs.getInt("seq"), rs.getString("title"), rs.getString("issuer"), rs.getString("published_on"),
                rs.getString("doc_number"), rs.getString("status"), rs.getString("section"), rs.getString("text"),
                toFloats(rs.getBytes("embedding")), rs.getBytes("sentence_embeddings")));
        if (documentId == null) {
            template.query(sql, handler);
        } else {
            template.query(sql, handler, documentId);
        }
    }

    private static KnowledgeDocument document(ResultSet rs, int row) throws SQLException {
        return new KnowledgeDocument(rs.getLong("id"), rs.getString("source"), rs.getString("title"),
                rs.getString("index_no"), rs.getString("issuer"), rs.getString("published_on"),
                rs.getString("doc_number"), rs.getString("subject_terms"), rs.getString("catalog"),
                rs.getString("origin"), rs.getString("status"), rs.getInt("chunks"));
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4);
        buf.asFloatBuffer().put(v);
        return buf.array();
    }

    static float[] toFloats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
        return v;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
