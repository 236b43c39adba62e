SELECT p.code, p.title, coalesce(p.council, ''), coalesce(p.period_start, ''), coalesce(p.period_end, ''),
       coalesce(p.status, ''), p.origin,
       (SELECT count(*) FROM actions a WHERE a.plan_code = p.code),
       (SELECT count(DISTINCT i.action_code) FROM indicators i WHERE i.plan_code = p.code),
       (SELECT count(DISTINCT i.code) FROM indicators i WHERE i.plan_code = p.code)
FROM plans p
ORDER BY p.period_start IS NULL, p.period_start, p.code;
