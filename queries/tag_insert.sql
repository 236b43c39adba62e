INSERT INTO value_tags (question_id, code, dimension, status, category, age_min, age_max, number)
VALUES (:question, :code, :dimension, :status, :category, :age_min, :age_max, :number);
