SELECT c.id, s.file_name, s.ingested
FROM consultations c LEFT JOIN sources s ON s.consultation_id = c.id
WHERE c.slug = :slug;
