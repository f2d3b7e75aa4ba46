package cn.zwgk.assistant.knowledge;

import java.util.List;

/**
 * An answer to a policy question.
 *
 * @param text      what the citizen reads: the answer, any notices, and the source lines
 * @param grounded  true when the answer rests on passages of the knowledge base
 * @param citations the passages cited as [1], [2] …, one per document, in that order
 * @param mode      {@code EXTRACTIVE}, {@code GENERATIVE}, {@code NO_EVIDENCE} or {@code LOADING} (the
 *                  knowledge base is still loading after the start)
 * @param body      the answer alone, without notices and source lines
 * @param lowConfidence grounded, but only just: the best sentence passed the grounding check by a small margin
 */
record Answer(String text, boolean grounded, List<SearchHit> citations, String mode, String body,
                     boolean lowConfidence) {

    /** The mode of an answer a language model wrote from the cited passages. */
    public static final String GENERATIVE = "GENERATIVE";
    /** The mode of the honest "not found": no sentence of the documents addresses the question. */
    public static final String NO_EVIDENCE = "NO_EVIDENCE";
}
