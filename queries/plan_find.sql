SELECT code, title, coalesce(council, ''), coalesce(period_start, ''), coalesce(period_end, ''),
       coalesce(status, ''), coalesce(source_document, ''), origin
FROM plans WHERE code = :code;
