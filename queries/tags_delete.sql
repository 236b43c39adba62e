DELETE FROM value_tags WHERE question_id = :question;
