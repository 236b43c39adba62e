INSERT INTO response_blocks (source_id, first_seq, responses, lines, submitted, refs, answers)
VALUES (:source, :first_seq, :responses, :lines, :submitted, :refs, :answers);
