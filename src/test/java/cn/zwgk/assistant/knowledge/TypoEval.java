package cn.zwgk.assistant.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import cn.zwgk.assistant.platform.PlatformProperties;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retrieval with and without homophone correction on question sets with typos put in: in each
 * question, n random non-stop characters are replaced by random characters of the same sound seen
 * in the corpus (5 seeds). Also counts the typos restored and the characters changed wrongly.
 * Usage: {@code TypoEval <corpus> <qa.jsonl>...} (figures: docs/knowledge.md).
 */
final class TypoEval {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Map<String, List<Character>> bySound = soundsOf(corpus);
        Path tmp = Files.createTempDirectory("kb-typos");
        try (KbHarness kb = new KbHarness(new Embedder(), corpus, tmp)) {
            IndexSynchronizer noSync = new IndexSynchronizer(null, kb.index, kb.embedder) {
                @Override
                void ensureSynced() {
                }
            };
            QueryCorrector none = new QueryCorrector(kb.index, KbHarness.VOCABULARY) {
                @Override
                HomophoneVocabulary.Correction correct(String question) {
                    return new HomophoneVocabulary.Correction(question, List.of());
                }
            };
            Retriever uncorrected = new Retriever(kb.index, kb.embedder, new Synonyms(new PlatformProperties(
                    "channel-config", tmp.toString(), null, "t:", 0, null)), noSync, none, KbHarness.noRewriting(),
                    KbHarness.VOCABULARY);
            QueryCorrector corrector = new QueryCorrector(kb.index, KbHarness.VOCABULARY);
            for (int f = 1; f < args.length; f++) {
                List<String> lines = Files.readAllLines(Path.of(args[f])).stream().filter(l -> !l.isBlank()).toList();
                for (int typos = 1; typos <= 2; typos++) {
                    double[] sum = new double[4];
                    int typed = 0;
                    int restored = 0;
                    int wrong = 0;
                    for (int seed = 1; seed <= 5; seed++) {
                        Random random = new Random(seed * 100L + typos);
                        List<String> withTypos = new ArrayList<>();
                        for (String line : lines) {
                            ObjectNode qa = (ObjectNode) JSON.readTree(line);
                            String original = ScriptConverter.forMatching(qa.get("question").asString());
                            String question = misspell(original, typos, bySound, random);
                            String corrected = corrector.correct(question).text();
                            for (int i = 0; i < question.length(); i++) {
                                if (question.charAt(i) != original.charAt(i)) {
                                    typed++;
                                    restored += corrected.charAt(i) == original.charAt(i) ? 1 : 0;
                                }
                                wrong += corrected.charAt(i) != question.charAt(i) && corrected.charAt(i) != original.charAt(i) ? 1 : 0;
                            }
                            qa.put("question", question);
                            withTypos.add(JSON.writeValueAsString(qa));
                        }
                        RetrievalEval.Result before = RetrievalEval.run(withTypos, 5, null, uncorrected::search);
                        RetrievalEval.Result after = RetrievalEval.run(withTypos, 5, null, kb.retriever::search);
                        sum[0] += before.hit1();
                        sum[1] += before.hit3();
                        sum[2] += after.hit1();
                        sum[3] += after.hit3();
                    }
                    System.out.printf("%s, %d typo(s) a question: uncorrected hit@1 %.3f hit@3 %.3f, corrected hit@1 %.3f "
                            + "hit@3 %.3f; typos restored %d/%d, characters changed wrongly %d%n", Path.of(args[f]).getFileName(),
                            typos, sum[0] / 5, sum[1] / 5, sum[2] / 5, sum[3] / 5, restored, typed, wrong);
                }
            }
            corrector.destroy();
            none.destroy();
        }
    }

    /** Characters of the corpus by toneless reading. */
    static Map<String, List<Character>> soundsOf(Path corpus) throws Exception {
        Set<Character> seen = new TreeSet<>();
        for (Path p : Files.list(corpus).sorted().toList()) {
            for (char c : ScriptConverter.forMatching(Files.readString(p)).toCharArray()) {
                if (Pinyin.han(c)) {
                    seen.add(c);
                }
            }
        }
        Map<String, List<Character>> bySound = new HashMap<>();
        for (char c : seen) {
            for (String r : Pinyin.readings(c)) {
                bySound.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
            }
        }
        return bySound;
    }

    static String misspell(String original, int typos, Map<String, List<Character>> bySound, Random random) {
        char[] q = original.toCharArray();
        for (int t = 0; t < typos; t++) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < q.length; i++) {
                if (Pinyin.han(q[i]) && q[i] == original.charAt(i) && !KbHarness.VOCABULARY.isStopWord(String.valueOf(q[i]))) {
                    positions.add(i);
                }
            }
            for (int tries = 0; tries < 20 && !positions.isEmpty(); tries++) {
                int i = positions.get(random.nextInt(positions.size()));
                List<Character> same = new ArrayList<>();
                for (String r : Pinyin.readings(q[i])) {
                    bySound.getOrDefault(r, List.of()).stream().filter(c -> c != q[i]).forEach(same::add);
                }
                if (!same.isEmpty()) {
                    q[i] = same.get(random.nextInt(same.size()));
                    break;
                }
            }
        }
        return new String(q);
    }
}
