package cn.zwgk.assistant.conversation;

/** What a citizen or staff member wants, as the router sees it. */
public enum Intent {
    POLICY_QUESTION,
    DISCLOSURE_APPLICATION,
    PROGRESS_QUERY,
    STAFF_COMMAND,
    SMALL_TALK,
    HELP,
    HOT_QUESTIONS,
    HANDOFF,
    MORE
}
