INSERT INTO consultations (slug, title, platform, opened, closed, min_age, age_bands_offered)
VALUES (:slug, :title, :platform, :opened, :closed, :min_age, :age_bands_offered);
