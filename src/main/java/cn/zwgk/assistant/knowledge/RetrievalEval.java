package cn.zwgk.assistant.knowledge;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval evaluation on a question set ({@code {"id","question","expected":[…]}} per line): a hit is
 * a passage that contains one of the expected substrings, both converted to Simplified script and
 * stripped of whitespace. Reports hit@1, hit@3, hit@5 and MRR.
 */
final class RetrievalEval {

    record Result(int questions, double hit1, double hit3, double hit5, double mrr, List<String> misses) {
        String summary() {
            return String.format("questions=%d hit@1=%.3f hit@3=%.3f hit@5=%.3f MRR=%.3f", questions, hit1, hit3, hit5, mrr);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RetrievalEval() {
    }

    static Result run(Path qaFile, int k, Path outFile, BiFunction<String, Integer, List<SearchHit>> search) {
        try {
            List<String> lines = Files.readAllLines(qaFile, StandardCharsets.UTF_8);
            return run(lines, k, outFile, search);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(List<String> qaLines, int k, Path outFile, BiFunction<String, Integer, List<SearchHit>> search) {
        int n = 0;
        int h1 = 0;
        int h3 = 0;
        int h5 = 0;
        double rr = 0;
        List<String> misses = new ArrayList<>();
        List<String> output = new ArrayList<>();
        for (String line : qaLines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode qa = JSON.readTree(line);
            List<String> expected = new ArrayList<>();
            qa.get("expected").forEach(e -> expected.add(compact(e.asString())));
            List<String> results = search.apply(qa.get("question").asString(), Math.max(k, 5)).stream()
                    .map(SearchHit::text).toList();
            int rank = 0;
            for (int i = 0; i < results.size() && rank == 0; i++) {
                String passage = compact(results.get(i));
                if (expected.stream().anyMatch(passage::contains)) {
                    rank = i + 1;
                }
            }
            n++;
            h1 += rank == 1 ? 1 : 0;
            h3 += rank >= 1 && rank <= 3 ? 1 : 0;
            h5 += rank >= 1 && rank <= 5 ? 1 : 0;
            rr += rank == 0 || rank > k ? 0 : 1.0 / rank;
            if (rank != 1) {
                misses.add(qa.get("id").asString() + " rank=" + rank + " " + qa.get("question").asString());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", qa.get("id").asString());
            row.put("results", results.subList(0, Math.min(k, results.size())));
            output.add(JSON.writeValueAsString(row));
        }
        if (outFile != null) {
            try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                for (String row : output) {
                    w.write(row);
                    w.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n == 0 ? new Result(0, 0, 0, 0, 0, misses)
                : new Result(n, h1 / (double) n, h3 / (double) n, h5 / (double) n, rr / n, misses);
    }

    static String compact(String text) {
        return ScriptConverter.toSimplified(text).replaceAll("\\s+", "");
    }
}
