INSERT INTO answer_counts (source_id, kind, slots, codes, day, responses)
VALUES (:source, :kind, :slots, :codes, :day, :responses);
