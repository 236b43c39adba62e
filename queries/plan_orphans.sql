-- Indicators whose action is no longer held (its plan was imported again without it).
SELECT i.code, i.plan_code, i.action_code
FROM indicators i LEFT JOIN actions a ON a.plan_code = i.plan_code AND a.code = i.action_code
WHERE a.code IS NULL
ORDER BY i.rowid
LIMIT 1;
