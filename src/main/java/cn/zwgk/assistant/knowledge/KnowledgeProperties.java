package cn.zwgk.assistant.knowledge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the policy knowledge base.
 *
 * @param importSamples   import the bundled sample documents when the knowledge base is empty
 * @param minSimilarity   least cosine similarity (bge) of the best passage for an answer to count as grounded
 * @param minAnswerScore  least score of the best sentence (meaning + shared words, see SentenceScorer) for the
 *                        answer to count as grounded; calibrated on answerable and unanswerable questions
 * @param pollInterval    how often an instance checks the database for document changes made elsewhere
 * @param promptsDir      folder with the prompt templates (read on every use, so edits need no restart)
 * @param llmBaseUrl      OpenAI-compatible endpoint; blank = extractive answers only
 * @param llmApiKey       its API key
 * @param llmModel        its model name
 * @param llmTimeout      how long to wait for the model before answering extractively
 * @param rewriteTimeout  how long retrieval waits for the model's rewrite of a question into document
 *                        wording before searching with the question alone; 0 = no rewriting
 * @param cli             set by the {@code kb} command line: no sample import, no background jobs, and
 *                        the search index left to the server (it follows the database's change counter)
 */
@ConfigurationProperties("knowledge")
record KnowledgeProperties(
        @DefaultValue("false") boolean importSamples,
        @DefaultValue("0.45") double minSimilarity,
        @DefaultValue("0.83") double minAnswerScore,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("prompts") String promptsDir,
        String llmBaseUrl,
        String llmApiKey,
        String llmModel,
        @DefaultValue("3s") Duration llmTimeout,
        @DefaultValue("1200ms") Duration rewriteTimeout,
        @DefaultValue("false") boolean cli) {

    @ConstructorBinding
    KnowledgeProperties {
    }

    /** The server's settings (tests), with the default rewrite budget. */
    KnowledgeProperties(boolean importSamples, double minSimilarity, double minAnswerScore, Duration pollInterval,
            String promptsDir, String llmBaseUrl, String llmApiKey, String llmModel, Duration llmTimeout) {
        this(importSamples, minSimilarity, minAnswerScore, pollInterval, promptsDir, llmBaseUrl, llmApiKey, llmModel,
                llmTimeout, Duration.ofMillis(1200), false);
    }

    boolean generative() {
        return llmBaseUrl != null && !llmBaseUrl.isBlank() && llmModel != null && !llmModel.isBlank();
    }
}
