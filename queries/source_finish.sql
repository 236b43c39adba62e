UPDATE sources
SET sha256 = :sha256, bytes = :bytes, responses = :responses, blank_rows = :blank_rows,
    ragged_rows = :ragged_rows, encoding = :encoding, layout = :layout, header_rows = :header_rows
WHERE id = :source;
