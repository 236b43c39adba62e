INSERT INTO columns (source_id, position, header, tag, option_label, role, confidence, question_slot, note)
VALUES (:source, :position, :header, :tag, :option_label, :role, :confidence, :question_slot, :note);
