-- Every action of plan :plan (NULL: of every plan), plans in the order of their periods.
SELECT a.plan_code, a.code, coalesce(a.role, ''), coalesce(a.objective, ''), a.action,
       coalesce(a.responsible, ''), coalesce(a.due_text, ''), coalesce(a.due_date, ''),
       coalesce(a.success_measure, ''), coalesce(a.connections, '')
FROM actions a JOIN plans p ON p.code = a.plan_code
WHERE :plan IS NULL OR a.plan_code = :plan
ORDER BY p.period_start IS NULL, p.period_start, p.code, a.position;
