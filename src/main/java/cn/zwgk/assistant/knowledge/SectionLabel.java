package cn.zwgk.assistant.knowledge;

/**
 * The section a quote is cited from, as named on its source line: "（七）收费", "第三条", "三、公开范围".
 * List markers are those of {@link Sentences}.
 */
final class SectionLabel {

    /** Longer than this, a heading is a sentence that runs on, not a name for its section. */
    private static final int MAX_LABEL = 16;

    private SectionLabel() {
    }

    /** The heading the quote stands under, else the deepest heading of its passage. */
    static String of(SentenceScorer.Candidate c) {
        String path = c.passage().hit().section();
        String own = c.heading() == null ? null : label(c.heading().strip());
        String passage = path == null || path.isBlank() ? null : label(path.substring(path.lastIndexOf('>') + 1).strip());
        // a bare number ("(二)") names less than the passage's titled section ("三、公开范围")
        if (own != null && (!Sentences.withoutMarker(own).isBlank() || passage == null)) {
            return own;
        }
        return passage;
    }

    /**
     * A heading as the name of its section: a numbered heading keeps its number and its title up to
     * the first stop ("（七）收费。本机关…" → "（七）收费"), only the number when the title runs on into
     * a sentence ("第三条 解读材料应当在…" → "第三条"); an unnumbered one is kept when short, else dropped.
     */
    static String label(String heading) {
        String rest = Sentences.withoutMarker(heading);
        if (rest.length() < heading.length()) {
            String number = heading.substring(0, heading.length() - rest.length()).strip();
            String title = rest.split("[。：:；;，,\\n]", 2)[0].strip();
            boolean runsOn = title.length() > MAX_LABEL - number.length()
                    || title.length() < rest.strip().replaceAll("[。：:；;，,]+$", "").length() && title.length() > 8;
            return runsOn || title.isEmpty() ? number : number + title;
        }
        String s = heading.replaceAll("[。：:；;，,]+$", "");
        return s.length() <= MAX_LABEL ? s : null;
    }
}
