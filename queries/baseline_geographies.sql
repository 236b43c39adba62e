SELECT DISTINCT geography_code FROM baselines
WHERE substr(geography_code, 1, 3) IN ('E06', 'E07', 'E08', 'E09', 'W06')
ORDER BY geography_code;
