package cn.zwgk.assistant.opinion;

/** A quick response (口径) came into use; it supersedes the incident's earlier one. */
record QuickResponsePublished(long incidentId, long responseId, String text) {
}
