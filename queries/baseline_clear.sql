DELETE FROM baselines
WHERE geography_code = :geography_code AND dimension = :dimension AND table_name IS :table_name;
