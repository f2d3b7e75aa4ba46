package cn.zwgk.assistant.knowledge;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * bge-small-zh-v1.5 (quantized, in-process ONNX), loaded once on first use. Passages are embedded
 * as they are; queries get bge's retrieval instruction in front.
 */
@Component
class Embedder {

    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    static final int DIMENSIONS = 512;

    private volatile EmbeddingModel model;

    float[] passage(String text) {
        return model().embed(text).content().vector();
    }

    List<float[]> passages(List<String> texts) {
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    float[] query(String text) {
        return model().embed(QUERY_INSTRUCTION + text).content().vector();
    }

    EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new BgeSmallZhV15QuantizedEmbeddingModel();
                    model = m;
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
