SELECT c.slug FROM sources s JOIN consultations c ON c.id = s.consultation_id
WHERE s.sha256 = :sha256 AND s.id <> :source;
