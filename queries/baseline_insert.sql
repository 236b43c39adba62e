INSERT OR REPLACE INTO baselines (geography_code, geography_name, census_date, table_name, dimension, category,
                                  min_age, max_age, count, source, origin)
VALUES (:geography_code, :geography_name, :census_date, :table_name, :dimension, :category,
        :min_age, :max_age, :count, :source, :origin);
