package cn.zwgk.assistant.faq;

import java.time.LocalDate;
import java.util.List;

/** What staff write for a standard answer: the question, other wordings, the answer, its source and validity. */
public record StandardAnswerDraft(String question, List<String> phrasings, String answer, String source,
                                  LocalDate validFrom, LocalDate validUntil) {

    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 2000;
    static final int MAX_SOURCE = 500;

    /** What is wrong with it, as a message key, or null when it can be saved. */
    public String problem() {
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
            return "console.faq.question";
        }
        if (answer == null || answer.isBlank() || answer.length() > MAX_ANSWER) {
            return "console.faq.answer";
        }
        if (source == null || source.isBlank() || source.length() > MAX_SOURCE) {
            return "console.faq.source";
        }
        if (validFrom == null || validUntil != null && validUntil.isBefore(validFrom)) {
            return "console.faq.validity";
        }
        if (String.join("\n", phrasings).length() > 2000) {
            return "console.faq.phrasings";
        }
        return null;
    }
}
