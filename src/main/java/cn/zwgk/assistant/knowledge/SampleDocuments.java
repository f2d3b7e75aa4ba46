package cn.zwgk.assistant.knowledge;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Imports the project's own sample documents ({@code classpath:kb/samples}) when the knowledge base
 * is empty and {@code knowledge.import-samples} is on (the embedded profile), so a newcomer's
 * simulator answers policy questions at once. {@link KnowledgeLoader} runs it off the startup thread.
 */
@Component
class SampleDocuments {

    private static final Logger log = LoggerFactory.getLogger(SampleDocuments.class);

    private final DocumentStore store;
    private final DocumentImporter importer;

    SampleDocuments(DocumentStore store, DocumentImporter importer) {
        this.store = store;
        this.importer = importer;
    }

    void importIfEmpty() {
        try {
            if (store.count() > 0) {
                return;
            }
            Resource[] samples = new PathMatchingResourcePatternResolver().getResources("classpath*:kb/samples/*.txt");
            for (Resource sample : samples) {
                ImportResult r = importer.importFile(sample.getFilename(), sample.getContentAsByteArray());
                log.info("sample document {}: {} ({} chunks)", r.outcome(), r.title(), r.chunks());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("importing the sample documents failed: {}", e.toString());
        }
    }
}
