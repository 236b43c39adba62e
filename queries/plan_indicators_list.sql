-- Every indicator of plan :plan (NULL: of every plan), one row per action it measures.
SELECT i.code, i.plan_code, i.action_code, i.label, i.metric, coalesce(i.dimension, ''),
       coalesce(i.group_code, ''), i.threshold, i.comparison, i.target,
       coalesce(i.baseline_from, ''), coalesce(i.baseline_to, ''), coalesce(i.baseline_platform, ''),
       coalesce(i.window_from, ''), coalesce(i.window_to, ''), coalesce(i.window_platform, ''),
       coalesce(i.note, '')
FROM indicators i
WHERE :plan IS NULL OR i.plan_code = :plan
ORDER BY i.rowid;
