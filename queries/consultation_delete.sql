DELETE FROM consultations WHERE id = :id;
