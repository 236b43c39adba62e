SELECT code, raw, responses FROM answer_values WHERE question_id = :question ORDER BY code;
