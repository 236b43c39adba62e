DELETE FROM indicators WHERE code = :code AND plan_code = :plan_code;
