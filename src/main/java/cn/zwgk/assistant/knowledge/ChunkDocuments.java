package cn.zwgk.assistant.knowledge;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** How a chunk is laid out in the {@link SearchIndex}: what is searched, embedded and stored of it. */
final class ChunkDocuments {

    private ChunkDocuments() {
    }

    /** What is embedded for a passage: its text alone (titles and heading paths dilute bge-small). */
    static String embeddingText(String text) {
        return ScriptConverter.forMatching(text);
    }

    static String searchableText(String title, String section, String text) {
        return ScriptConverter.forMatching(title + "\n" + section + "\n" + text);
    }

    static Document toLucene(IndexedChunk c) {
        Document d = new Document();
        d.add(new StringField("chunkId", Long.toString(c.chunkId()), Field.Store.YES));
        d.add(new StringField("docId", Long.toString(c.documentId()), Field.Store.YES));
        String searchable = searchableText(c.title(), c.section(), c.text());
        d.add(new TextField(SearchIndex.WORDS, searchable, Field.Store.NO));
        d.add(new TextField(SearchIndex.BIGRAMS, searchable, Field.Store.NO));
        d.add(new KnnFloatVectorField(SearchIndex.VECTOR, c.embedding(), VectorSimilarityFunction.COSINE));
        d.add(new StoredField("embedding", DocumentStore.toBytes(c.embedding())));
        if (c.sentenceEmbeddings() != null) {
            d.add(new StoredField(SearchIndex.SENTENCES, c.sentenceEmbeddings()));
        }
        store(d, "title", c.title());
        store(d, "issuer", c.issuer());
        store(d, "publishedOn", c.publishedOn());
        store(d, "docNumber", c.docNumber());
        store(d, "status", c.status());
        store(d, "section", c.section());
        store(d, "text", c.text());
        return d;
    }

    private static void store(Document d, String name, String value) {
        if (value != null) {
            d.add(new StoredField(name, value));
        }
    }
}
