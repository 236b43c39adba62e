SELECT code, dimension, status, category, age_min, age_max, number
FROM value_tags WHERE question_id = :question ORDER BY dimension, code;
