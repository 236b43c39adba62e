SELECT codes, day, responses FROM answer_counts
WHERE source_id = :source AND kind = :kind AND slots = :slots;
