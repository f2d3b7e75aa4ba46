package cn.zwgk.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes the extractive answer from scored sentences: the one sentence that answers the kind of
 * question asked comes first (a list or the steps with their lead-in), then at most two sentences
 * that add something, about {@value #MAX_CHARS} characters in all. Citations are per document, in
 * order of first use, each with the section its first quote comes from.
 */
final class AnswerComposer {

    static final int MAX_CHARS = 200;
    private static final int MAX_SUPPORT = 2;
    /** How far below the best sentence a supporting sentence may score. */
    private static final double SUPPORT_MARGIN = 0.06;

    /** One quoted line and the document it cites (an index into {@link Composition#documents}). */
    record Line(String text, int document) {
    }

    /**
     * @param documents the passage quoted first from each cited document, in citation order
     * @param sections  the section of each cited document that was quoted ("（七）收费"), or null
     */
    record Composition(List<Line> lines, List<SearchHit> documents, List<String> sections) {
    }

    private AnswerComposer() {
    }

    static Composition compose(List<SentenceScorer.Candidate> ranked, QuestionKind kind) {
        SentenceScorer.Candidate best = ranked.get(0);
        Map<Long, Integer> docs = new LinkedHashMap<>();
        List<SearchHit> documents = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Set<String> used = new HashSet<>();
        String first = clip(kind == QuestionKind.LIST || kind == QuestionKind.STEPS ? list(best, used)
                : withContent(best, used));
        used.add(best.text());
        lines.add(new Line(first, cite(best, docs, documents, sections)));
        int chars = first.length();
        for (SentenceScorer.Candidate c : ranked.subList(1, ranked.size())) {
            if (lines.size() > MAX_SUPPORT || c.score() < best.score() - SUPPORT_MARGIN) {
                break;
            }
            if (used.contains(c.text()) || chars + c.text().length() > MAX_CHARS || similar(c.text(), lines)) {
                continue;
            }
            used.add(c.text());
            lines.add(new Line(c.text(), cite(c, docs, documents, sections)));
            chars += c.text().length();
        }
        return new Composition(lines, documents, sections);
    }

    /** Shorter than this, a line reads as a label ("乡政府公开的内容。"), not as an answer on its own. */
    static final int LABEL_CHARS = 18;

    /**
     * The best sentence, and when it is only a label, the content that follows it in its passage (a
     * label alone answers nothing), up to about half the budget.
     */
    private static String withContent(SentenceScorer.Candidate best, Set<String> used) {
        if (Sentences.withoutMarker(best.text()).strip().length() > LABEL_CHARS) {
            return best.text();
        }
        List<Sentences.Unit> units = Sentences.split(best.passage().hit().text());
        StringBuilder sb = new StringBuilder(best.text());
        for (int i = best.unit() + 1; i < units.size() && !units.get(i).heading()
                && sb.length() + units.get(i).text().length() <= MAX_CHARS / 2; i++) {
            sb.append(units.get(i).text());
            used.add(units.get(i).text());
        }
        return sb.toString();
    }

    /** The list or steps the best sentence belongs to: its lead-in and the items under it, within the budget. */
    private static String list(SentenceScorer.Candidate best, Set<String> used) {
        List<Sentences.Unit> units = Sentences.split(best.passage().hit().text());
        boolean leadIn = best.text().matches(".*(：|:|包括|如下|以下|有)$");
        int from = best.unit();
        if (!leadIn && best.heading() != null) {
            int h = from;
            while (h > 0 && !units.get(h - 1).heading()) {
                h--;
            }
            from = h;
        }
        if (!leadIn && Sentences.startsWithMarker(units.get(from).text())) {
            from = firstItem(units, from, best.unit());
        }
        if (!leadIn && from == best.unit()) {
            return best.text();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < units.size() && (!units.get(i).heading() || item(units.get(i))); i++) {
            String t = units.get(i).text();
            if (sb.length() + t.length() > MAX_CHARS - 20 && i > best.unit()) {
                break;
            }
            sb.append(t);
            used.add(t);
        }
        return sb.length() == 0 ? best.text() : sb.toString();
    }

    /**
     * Where the numbered run an item belongs to starts: its lead-in ("…应当主动公开：") or its first item,
     * when the run up to the best sentence fits the budget; else the item itself.
     */
    private static int firstItem(List<Sentences.Unit> units, int item, int best) {
        int h = item;
        int chars = 0;
        for (int i = item; i <= best; i++) {
            chars += units.get(i).text().length();
        }
        while (h > 0 && item(units.get(h - 1))) {
            chars += units.get(--h).text().length();
        }
        if (h > 0 && !units.get(h - 1).heading() && units.get(h - 1).text().matches(".*[：:]$")) {
            chars += units.get(--h).text().length();
        }
        return chars <= MAX_CHARS - 20 ? h : item;
    }

    /** An item of a numbered list ("(一)涉及公民切身利益的;"), short as a label may be but ended as an item. */
    private static boolean item(Sentences.Unit u) {
        return Sentences.startsWithMarker(u.text()) && (!u.heading() || u.text().matches(".*[；;]$"));
    }

    private static int cite(SentenceScorer.Candidate c, Map<Long, Integer> docs, List<SearchHit> documents,
            List<String> sections) {
        SearchHit hit = c.passage().hit();
        return docs.computeIfAbsent(hit.documentId(), id -> {
            documents.add(hit);
            sections.add(SectionLabel.of(c));
            return documents.size() - 1;
        });
    }

    /** A near-repeat of a line already quoted (most of its character pairs are there already). */
    private static boolean similar(String text, List<Line> lines) {
        Set<String> grams = grams(ScriptConverter.compact(text));
        for (Line l : lines) {
            Set<String> other = grams(ScriptConverter.compact(l.text()));
            long shared = grams.stream().filter(other::contains).count();
            if (!grams.isEmpty() && shared >= 0.6 * grams.size()) {
                return true;
            }
        }
        return false;
    }

    /** A line longer than the budget, cut at a clause end. */
    static String clip(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = Math.max(text.lastIndexOf('，', MAX_CHARS - 1), text.lastIndexOf('；', MAX_CHARS - 1));
        return text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS - 1) + "…";
    }

    static Set<String> grams(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            String g = text.substring(i, i + 2);
            if (g.codePoints().allMatch(Character::isLetterOrDigit)) {
                out.add(g);
            }
        }
        return out;
    }
}
