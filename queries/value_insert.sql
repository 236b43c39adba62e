INSERT INTO answer_values (question_id, code, raw, responses) VALUES (:question, :code, :raw, :responses);
