INSERT INTO questions (source_id, slot, text, tag, role, multi)
VALUES (:source, :slot, :text, :tag, :role, :multi);
