INSERT INTO sources (consultation_id, file_name, kept_text, date_order)
VALUES (:consultation, :file_name, :kept_text, :date_order);
