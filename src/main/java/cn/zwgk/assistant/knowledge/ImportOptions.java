package cn.zwgk.assistant.knowledge;

/**
 * How to treat imported documents.
 *
 * @param needsInterpretation the policy must get a published interpretation (政策解读) within 3 working
 *                            days: importing it starts that deadline's reminders
 * @param department          the drafting department that owes the interpretation (staff directory
 *                            department; blank = the handlers)
 */
public record ImportOptions(boolean needsInterpretation, String department) {

    public static final ImportOptions NONE = new ImportOptions(false, null);
}
