-- A text as one CSV field the way the exports write it (csv-stringify's rule): quoted when
-- it holds the separator, a quote or a line break, with quotes doubled. Inlined by the
-- planner, it lets the database write the CSV export's lines.
CREATE FUNCTION csv_field(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
             WHEN strpos(value, ';') > 0 OR strpos(value, '"') > 0
               OR strpos(value, chr(13)) > 0 OR strpos(value, chr(10)) > 0
             THEN '"' || replace(value, '"', '""') || '"'
             ELSE value
           END
  $$;
