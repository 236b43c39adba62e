SELECT dimension, category, min_age, max_age, count, coalesce(geography_name, ''), coalesce(census_date, ''),
       coalesce(table_name, ''), source
FROM baselines WHERE geography_code = :geography_code
ORDER BY dimension, min_age, category;
