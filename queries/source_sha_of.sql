SELECT coalesce(s.sha256, '') FROM consultations c JOIN sources s ON s.consultation_id = c.id WHERE c.slug = :slug;
