INSERT INTO plans (code, title, council, period_start, period_end, status, source_document, origin)
VALUES (:code, :title, :council, :period_start, :period_end, :status, :source_document, :origin)
ON CONFLICT (code) DO UPDATE SET
	title = excluded.title, council = excluded.council, period_start = excluded.period_start,
	period_end = excluded.period_end, status = excluded.status, source_document = excluded.source_document,
	origin = excluded.origin;
