package cn.zwgk.assistant.feedback;

import java.util.List;

/**
 * A policy answer a citizen may rate: the question, the text given, how it was made (EXTRACTIVE,
 * GENERATIVE, …) and the documents it cites. Personal data is masked before it is kept.
 */
public record RatedAnswer(String question, String answer, String mode, List<CitedDocument> documents) {

    /** A document an answer cites. */
    public record CitedDocument(long documentId, String title) {
    }

    public RatedAnswer {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
