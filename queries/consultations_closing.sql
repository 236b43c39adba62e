SELECT c.slug FROM consultations c JOIN sources s ON s.consultation_id = c.id
WHERE (:from IS NULL OR c.closed >= :from) AND (:to IS NULL OR c.closed <= :to)
  AND (:platform IS NULL OR c.platform = :platform)
ORDER BY c.closed, c.slug;
