-- The sources to credit for a geography's figures: NULL for the built-in figures
-- (credited to the ONS), then the source of each import as it was imported.
SELECT DISTINCT CASE WHEN origin = 'built in' THEN NULL ELSE source END AS credit
FROM baselines WHERE geography_code = :geography_code
ORDER BY credit;
