import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/client";
import { rowsOf } from "../../../platform/db/client";
import { atlasDomains } from "../../../reference/data/themes";
import type { AtlasLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { anyOfIds } from "../../../platform/db/conditions";
import { matchingWindows } from "./export-rows";

/** Rows per query: a few megabytes of text at most, whatever the export's size. */
const CSV_WINDOW_ROWS = 2_000;

/**
 * The CSV lines of the export written by the database, one text per window of rows:
 * decoding one value per window instead of twenty per row is what makes the export fast.
 * The text is exactly what `csvChunks` writes from `exportColumns` (a test compares them
 * byte for byte): same labels (passed in as JSON), same quoting (a field with `;`, `"`, CR
 * or LF is quoted, quotes doubled), euros with a decimal comma, CRLF line ends.
 */
export async function* csvLinesFromDatabase(
  q: Queryable,
  filters: ProjectFilters,
  labels: AtlasLabels,
  publicUrl: string,
): AsyncGenerator<string> {
  const names = JSON.stringify({
    status: Object.fromEntries(labels.status),
    theme: Object.fromEntries(labels.theme),
    country: Object.fromEntries(labels.country),
    partnershipKind: Object.fromEntries(labels.partnershipKind),
    funding: Object.fromEntries(labels.funding),
    domain: Object.fromEntries(atlasDomains.map((domain) => [domain.code, domain.label])),
  });
  const windows = matchingWindows(q, filters, CSV_WINDOW_ROWS, async (ids) => {
    const [row] = rowsOf<{ lines: string | null }>(
      await q.execute(sql`
        WITH names AS (SELECT ${names}::jsonb AS n)
        SELECT string_agg(${csvLine(publicUrl)}, '' ORDER BY i.project_id) AS lines
          FROM atlas_project_index i
          JOIN atlas_projects p ON p.id = i.project_id, names
         WHERE ${anyOfIds(sql`i.project_id`, ids)}`),
    );
    return row.lines ?? "";
  });
  for await (const lines of windows) yield lines;
}

/** A field as csv-stringify writes it. */
const field = (value: SQL) => sql`csv_field(coalesce((${value})::text, ''))`;

/** The labels of an array of codes, in the array's order, joined as the export joins lists. */
const labelled = (array: SQL, list: string) =>
  sql`(SELECT string_agg(coalesce(names.n->${list}->>code, code), ' | ' ORDER BY ord)
         FROM unnest(${array}) WITH ORDINALITY AS u(code, ord))`;

const euros = (cents: SQL) =>
  sql`CASE WHEN ${cents} IS NULL THEN NULL
           ELSE CASE WHEN ${cents} < 0 THEN '-' ELSE '' END || (abs(${cents}) / 100)::text || ','
                || lpad((abs(${cents}) % 100)::text, 2, '0') END`;

function csvLine(publicUrl: string): SQL {
  const fields = [
    sql`i.project_id`,
    sql`i.title`,
    sql`coalesce(names.n->'status'->>i.status, i.status)`,
    sql`nullif(i.start_year, 0)`,
    sql`nullif(i.end_year, 0)`,
    sql`coalesce(names.n->'domain'->>p.domain_code, p.domain_code)`,
    labelled(sql`i.themes`, "theme"),
    sql`array_to_string(i.sdgs, ' | ')`,
    sql`array_to_string(i.countries, ' | ')`,
    labelled(sql`i.countries`, "country"),
    sql`array_to_string(i.collectivite_names, ' | ')`,
    sql`array_to_string(i.authority_names, ' | ')`,
    labelled(sql`i.partnership_kinds`, "partnershipKind"),
    euros(sql`p.total_budget_cents`),
    sql`(SELECT string_agg(coalesce(names.n->'funding'->>(line->>'source'), line->>'source') || ' : '
                           || ${euros(sql`(line->>'amountCents')::bigint`)}, ' | ' ORDER BY ord)
           FROM jsonb_array_elements(i.funding_lines) WITH ORDINALITY AS f(line, ord))`,
    sql`p.objectives`,
    sql`p.description`,
    sql`${`${publicUrl}/atlas/projets/`}::text || i.project_id`,
  ];
  return sql`${sql.join(fields.map(field), sql` || ';' || `)} || E'\\r\\n'`;
}
