INSERT INTO sources (consultation_id, file_name, kept_text) VALUES (:consultation, :file_name, :kept_text);
