SELECT q.slot, q.text, t.dimension, v.raw, v.responses
FROM value_tags t
JOIN answer_values v ON v.question_id = t.question_id AND v.code = t.code
JOIN questions q ON q.id = t.question_id
WHERE q.source_id = :source AND t.status = 'unmatched'
ORDER BY q.slot, t.dimension, v.responses DESC, v.raw;
