SELECT geography_code, coalesce(geography_name, ''), dimension, count(*), sum(count), min(min_age),
       coalesce(table_name, ''), min(origin)
FROM baselines
GROUP BY geography_code, dimension, table_name
ORDER BY geography_code, dimension, table_name;
