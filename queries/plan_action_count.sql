SELECT count(*) FROM actions WHERE plan_code = :plan_code;
