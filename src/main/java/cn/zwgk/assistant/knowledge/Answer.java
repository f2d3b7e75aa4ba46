package cn.zwgk.assistant.knowledge;

import java.util.List;

/**
 * An answer to a policy question.
 *
 * @param grounded  true when the answer rests on passages of the knowledge base
 * @param citations the passages cited as [1], [2] …, in that order
 * @param mode      {@code EXTRACTIVE}, {@code GENERATIVE}, {@code NO_EVIDENCE} or {@code LOADING} (the
 *                  knowledge base is still loading after the start)
 */
public record Answer(String text, boolean grounded, List<SearchHit> citations, String mode) {
}
