package cn.zwgk.assistant.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/**
 * The reference recipe, for comparison: langchain4j recursive 300-character splitter,
 * bge-small-zh, in-memory store, raw files. Run: {@code java -cp … BaselineEval <corpus> <qa.jsonl>}.
 */
final class BaselineEval {

    private BaselineEval() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (Path p : Files.list(Path.of(args[0])).sorted().toList()) {
            List<TextSegment> segments = DocumentSplitters.recursive(300, 0)
                    .split(Document.from(Files.readString(p)));
            store.addAll(model.embedAll(segments).content(), segments);
        }
        RetrievalEval.Result r = RetrievalEval.run(Path.of(args[1]), 5, null, (q, k) -> store.search(
                EmbeddingSearchRequest.builder().queryEmbedding(model.embed(q).content()).maxResults(k).build())
                .matches().stream().map(m -> new SearchHit(0, 0, "", null, null, null, "CURRENT", "",
                        m.embedded().text(), m.score(), m.score())).toList());
        System.out.println("langchain4j recursive(300) + bge in-memory: " + r.summary());
    }
}
