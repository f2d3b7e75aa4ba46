package cn.zwgk.assistant.knowledge;

/** A document after parsing and cleaning: its metadata and its body text (one paragraph a line). */
record ParsedDocument(String source, DocumentMetadata metadata, String body) {
}
