SELECT 1 FROM actions WHERE plan_code = :plan_code AND code = :code;
