-- The bge vectors of each chunk's sentences (8-bit, see SentenceVectors): answers choose the sentence
-- that addresses the question by meaning without calling the model. Null for chunks stored before
-- this column existed; the index rebuild fills them in.
alter table kb_chunk add column sentence_embeddings bytea;
