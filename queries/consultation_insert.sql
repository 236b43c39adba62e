INSERT INTO consultations (slug, title, platform, opened, closed, min_age)
VALUES (:slug, :title, :platform, :opened, :closed, :min_age);
