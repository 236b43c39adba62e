SELECT c.slug, coalesce(c.title, ''), coalesce(c.opened, ''), coalesce(c.closed, ''),
       coalesce(s.responses, 0), coalesce(s.file_name, ''), coalesce(c.platform, '')
FROM consultations c LEFT JOIN sources s ON s.consultation_id = c.id
ORDER BY c.closed IS NULL, c.closed, c.slug;
