SELECT coalesce(platform, '') FROM consultations WHERE id = :id;
