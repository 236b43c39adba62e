INSERT INTO texts (source_id, seq, slot, text) VALUES (:source, :seq, :slot, :text);
