SELECT slug FROM consultations ORDER BY slug;
