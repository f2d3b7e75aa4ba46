package cn.zwgk.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tuning aid, dev sets only: dumps every candidate sentence's raw features for each question
 * ({@code KbTune <corpus> <out.jsonl> <qa.jsonl> …}), so weights and the grounding threshold can be
 * explored without embedding the corpus again. Never run it on the held-out sets.
 */
final class KbTune {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        try (KbHarness h = new KbHarness(new Embedder(), Path.of(args[0]), Files.createTempDirectory("kbt"))) {
            for (int f = 2; f < args.length; f++) {
                if (args[f].contains("heldout")) {
                    throw new IllegalArgumentException("held-out sets are not for tuning");
                }
                for (String line : Files.readAllLines(Path.of(args[f]), StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode qa = json.readTree(line);
                    String q = null;
                    if (qa.has("turns")) {
                        for (JsonNode t : qa.get("turns")) {
                            q = FollowUps.complete(t.asString(), Optional.ofNullable(q));
                        }
                    } else {
                        q = qa.get("question").asString();
                    }
                    Retriever.Retrieval r = h.retriever.retrieve(q, AnswerService.CANDIDATES);
                    List<Retriever.Evidence> ev = r.passages().stream().filter(e -> e.hit().similarity() >= 0.45).limit(AnswerService.PASSAGES).toList();
                    List<Map<String, Object>> cands = new ArrayList<>();
                    for (SentenceScorer.Candidate c : SentenceScorer.score(r.question(), r.vector(),
                            h.retriever.contentWords(r.question()), ev, new SentenceScorer.Weights(0, 0, 0, 0, 0, 0),
                            KbHarness.VOCABULARY)) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("text", c.text());
                        m.put("heading", c.heading());
                        m.put("meaning", c.meaning());
                        m.put("words", c.words());
                        m.put("shaped", c.shaped());
                        m.put("exception", c.exception());
                        m.put("psim", c.passage().hit().similarity());
                        m.put("rank", c.rank());
                        m.put("doc", c.passage().hit().documentId());
                        m.put("short", Sentences.withoutMarker(c.text()).length() < 6);
                        cands.add(m);
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("file", Path.of(args[f]).getFileName().toString());
                    row.put("id", qa.get("id").asString());
                    row.put("question", q);
                    row.put("kind", String.valueOf(QuestionKind.of(r.question())));
                    row.put("expected", qa.get("expected"));
                    row.put("candidates", cands);
                    out.add(json.writeValueAsString(row));
                }
            }
        }
        Files.write(Path.of(args[1]), out, StandardCharsets.UTF_8);
    }
}
