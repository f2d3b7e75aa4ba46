package cn.zwgk.assistant.knowledge;

import java.util.List;

/**
 * An answer to a policy question.
 *
 * @param grounded  true when the answer rests on passages of the knowledge base
 * @param citations the passages cited as [1], [2] …, in that order
 * @param mode      {@code EXTRACTIVE}, {@code GENERATIVE} or {@code NO_EVIDENCE}
 */
public record Answer(String text, boolean grounded, List<SearchHit> citations, String mode) {
}
