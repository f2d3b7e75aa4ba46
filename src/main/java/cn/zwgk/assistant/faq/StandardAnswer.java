package cn.zwgk.assistant.faq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a standard answer (标准问答).
 *
 * @param lineage   the first version's id (this id for a first version)
 * @param phrasings other wordings of the question
 * @param source    the document the answer rests on, as cited ("《…》第七条")
 */
public record StandardAnswer(long id, long lineage, int version, String question, List<String> phrasings,
                             String answer, String source, LocalDate validFrom, LocalDate validUntil, Status status,
                             String createdBy, Instant createdAt, String approvedBy, Instant approvedAt) {

    public enum Status { PENDING, APPROVED, WITHDRAWN, SUPERSEDED }

    /** Whether it answers citizens on {@code day}: approved and within its validity. */
    public boolean inForce(LocalDate day) {
        return status == Status.APPROVED && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** The question and its other wordings. */
    public List<String> wordings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(question), phrasings.stream()).toList();
    }
}
