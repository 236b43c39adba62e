INSERT INTO responses (source_id, seq, line, ref, submitted, answers)
VALUES (:source, :seq, :line, :ref, :submitted, :answers);
