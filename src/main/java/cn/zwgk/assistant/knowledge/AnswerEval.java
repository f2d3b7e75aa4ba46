package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answer-level evaluation ({@code kb eval --answers}). For a question with expected strings: answer-hit
 * (the answer body, without notices and sources, contains one, both in Simplified script without
 * whitespace), first-line-hit (its first line does), and retrieval hit@3. For a question without
 * ({@code "expected": []}, which the documents do not answer): whether it was refused. A line with
 * {@code "turns"} is a conversation; the last turn is scored, follow-ups completed as on WeChat.
 */
final class AnswerEval {

    record Result(int answerable, double answerHit, double firstLineHit, double hit3, int unanswerable,
            double refused, List<String> misses) {

        String summary() {
            return String.format("answerable=%d answer-hit=%.3f first-line-hit=%.3f hit@3=%.3f unanswerable=%d refused=%.3f",
                    answerable, answerHit, firstLineHit, hit3, unanswerable, refused);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AnswerEval() {
    }

    static Result run(Path qaFile, Path outFile, Function<String, Answer> ask,
            BiFunction<String, Integer, List<SearchHit>> search) {
        try {
            List<String> out = new ArrayList<>();
            Result r = run(Files.readAllLines(qaFile, StandardCharsets.UTF_8), ask, search, out);
            if (outFile != null) {
                Files.write(outFile, out, StandardCharsets.UTF_8);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(List<String> lines, Function<String, Answer> ask, BiFunction<String, Integer, List<SearchHit>> search,
            List<String> out) {
        int answerable = 0;
        int hits = 0;
        int firstHits = 0;
        int hit3 = 0;
        int unanswerable = 0;
        int refused = 0;
        List<String> misses = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode qa = JSON.readTree(line);
            String question = question(qa);
            List<String> expected = new ArrayList<>();
            qa.get("expected").forEach(e -> expected.add(RetrievalEval.compact(e.asString())));
            Answer answer = ask.apply(question);
            String body = RetrievalEval.compact(answer.grounded() ? answer.body() : "");
            String first = RetrievalEval.compact(answer.grounded() ? answer.body().split("\n")[0] : "");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", qa.get("id").asString());
            row.put("question", question);
            row.put("grounded", answer.grounded());
            row.put("answer", answer.text());
            if (expected.isEmpty()) {
                unanswerable++;
                refused += answer.grounded() ? 0 : 1;
                if (answer.grounded()) {
                    misses.add(qa.get("id").asString() + " answered: " + question + " → " + answer.body().split("\n")[0]);
                }
            } else {
                answerable++;
                boolean hit = expected.stream().anyMatch(body::contains);
                boolean firstHit = expected.stream().anyMatch(first::contains);
                boolean retrieved = search.apply(question, 3).stream().limit(3)
                        .anyMatch(h -> expected.stream().anyMatch(RetrievalEval.compact(h.text())::contains));
                hits += hit ? 1 : 0;
                firstHits += firstHit ? 1 : 0;
                hit3 += retrieved ? 1 : 0;
                row.put("answerHit", hit);
                row.put("firstLineHit", firstHit);
                row.put("hit3", retrieved);
                if (!firstHit) {
                    misses.add(qa.get("id").asString() + (hit ? " (later line)" : retrieved ? " (composition)" : " (retrieval)")
                            + " " + question + " → " + (answer.grounded() ? answer.body().split("\n")[0] : "[refused]"));
                }
            }
            out.add(JSON.writeValueAsString(row));
        }
        return new Result(answerable, ratio(hits, answerable), ratio(firstHits, answerable), ratio(hit3, answerable),
                unanswerable, ratio(refused, unanswerable), misses);
    }

    /** The question, or the last turn of a conversation completed from the turns before it. */
    private static String question(JsonNode qa) {
        if (qa.has("turns")) {
            String q = null;
            for (JsonNode turn : qa.get("turns")) {
                q = FollowUps.complete(turn.asString(), Optional.ofNullable(q));
            }
            return q;
        }
        return qa.get("question").asString();
    }

    private static double ratio(int n, int of) {
        return of == 0 ? 0 : n / (double) of;
    }
}
