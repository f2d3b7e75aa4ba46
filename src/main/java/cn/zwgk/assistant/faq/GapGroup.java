package cn.zwgk.assistant.faq;

import java.time.Instant;
import java.util.List;

/**
 * Questions of one meaning that went unanswered or were answered unhelpfully, for staff to answer once.
 *
 * @param question   the group's most recent question (masked), which names it
 * @param asked      how many times it was asked
 * @param askers     by how many citizens
 * @param unhelpful  how many of those were answers rated unhelpful (the rest had no answer)
 * @param examples   up to three distinct wordings (masked)
 * @param lastAnswer what the bot answered the most recent time
 */
record GapGroup(String question, int asked, int askers, int unhelpful, List<String> examples,
                       String lastAnswer, Instant lastAsked) {
}
