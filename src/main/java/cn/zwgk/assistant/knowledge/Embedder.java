package cn.zwgk.assistant.knowledge;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * bge-small-zh-v1.5 (quantized, in-process ONNX), loaded once per JVM (shared by every application
 * context, e.g. in tests) on first use or by {@link EmbedderWarmUp} after startup. Passages are embedded as
 * they are; queries get bge's retrieval instruction in front.
 */
@Component
class Embedder {

    private static final Logger log = LoggerFactory.getLogger(Embedder.class);

    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    static final int DIMENSIONS = 512;

    private static volatile EmbeddingModel model;

    private final RecentCache<String, float[]> recentQueries = new RecentCache<>(2048);

    float[] passage(String text) {
        return model().embed(text).content().vector();
    }

    List<float[]> passages(List<String> texts) {
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    /**
     * The question's vector. Several modules look at the same citizen message (retrieval, 口径
     * matching, early warning), so recent questions are kept: each is embedded once.
     */
    float[] query(String text) {
        return recentQueries.computeIfAbsent(text, t -> model().embed(QUERY_INSTRUCTION + t).content().vector());
    }

    static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (Embedder.class) {
                m = model;
                if (m == null) {
                    long started = System.nanoTime();
                    m = new BgeSmallZhV15QuantizedEmbeddingModel();
                    m.embed("预热");
                    model = m;
                    log.info("bge-small-zh embedding model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return m;
    }

    static float cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return (float) (dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-12));
    }
}
