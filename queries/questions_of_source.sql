SELECT id, slot, text, role, multi FROM questions WHERE source_id = :source ORDER BY slot;
