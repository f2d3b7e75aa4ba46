package cn.zwgk.assistant.faq;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * 标准问答 as CSV (UTF-8, a header row): question, other wordings separated by "|", answer, source,
 * valid from, valid until (blank: no end), and on export the status and version.
 */
public final class StandardAnswerCsv {

    static final String[] HEADER = {"question", "phrasings", "answer", "source", "valid_from", "valid_until", "status", "version"};

    /** A row that could not be read, and why (a message key with its row number). */
    public record Problem(long row, String key) {
    }

    /** What an import read: the drafts, and the rows it could not read. */
    public record Read(List<StandardAnswerDraft> drafts, List<Problem> problems) {
    }

    private StandardAnswerCsv() {
    }

    public static String write(List<StandardAnswer> answers) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (StandardAnswer a : answers) {
                csv.printRecord(a.question(), String.join("|", a.phrasings()), a.answer(), a.source(), a.validFrom(),
                        a.validUntil() == null ? "" : a.validUntil(), a.status().name(), a.version());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @param today the validity start of a row that gives none */
    public static Read read(String text, LocalDate today) {
        List<StandardAnswerDraft> drafts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try {
            for (CSVRecord r : format.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
                try {
                    String until = r.isMapped("valid_until") ? r.get("valid_until") : "";
                    String from = r.isMapped("valid_from") ? r.get("valid_from") : "";
                    StandardAnswerDraft d = new StandardAnswerDraft(r.get("question"),
                            Arrays.stream(r.get("phrasings").split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                            r.get("answer"), r.get("source"), from.isBlank() ? today : LocalDate.parse(from),
                            until.isBlank() ? null : LocalDate.parse(until));
                    String problem = d.problem();
                    if (problem == null) {
                        drafts.add(d);
                    } else {
                        problems.add(new Problem(r.getRecordNumber(), problem));
                    }
                } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
                    problems.add(new Problem(r.getRecordNumber(), "console.faq.csv-row"));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            problems.add(new Problem(0, "console.faq.csv-file"));
        }
        return new Read(drafts, problems);
    }
}
