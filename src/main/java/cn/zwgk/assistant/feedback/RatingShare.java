package cn.zwgk.assistant.feedback;

/** How many ratings a day or a document got, and how many said the answer helped. */
record RatingShare(String key, long ratings, long helpful) {

    /** The share of helpful ratings, in percent (0 when there are none). */
    public int helpfulPercent() {
        return ratings == 0 ? 0 : (int) Math.round(100.0 * helpful / ratings);
    }
}
