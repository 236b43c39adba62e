SELECT first_seq, responses, lines, submitted, refs, answers
FROM response_blocks WHERE source_id = :source ORDER BY first_seq;
