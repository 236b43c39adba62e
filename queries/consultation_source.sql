SELECT c.id, s.id, c.slug, coalesce(c.title, ''), c.opened, c.closed, c.min_age, s.responses, s.file_name, s.date_order,
	c.age_bands_offered
FROM consultations c JOIN sources s ON s.consultation_id = c.id
WHERE c.slug = :slug;
