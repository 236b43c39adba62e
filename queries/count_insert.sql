INSERT INTO answer_counts (source_id, kind, slots, codes, day, responses)
VALUES (:source, :kind, :slots, :codes, :day, :responses)
ON CONFLICT (source_id, kind, slots, codes, day) DO UPDATE SET responses = responses + excluded.responses;
