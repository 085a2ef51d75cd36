import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/client";
import { rowsOf } from "../../../platform/db/client";
import { anyOfIds } from "../../../platform/db/conditions";
import { atlasDomains } from "../../../reference/data/themes";
import { projectStatusLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { matchingWindows } from "./export-rows";

/** Rows per query: a few megabytes of text at most, whatever the export's size. */
const CSV_WINDOW_ROWS = 2_000;

/**
 * The CSV lines of the export written by the database, one value per line: decoding one
 * value per line instead of twenty is what makes the export fast. Each line is its stored
 * head (`atlas_export_lines`, see `refreshExportLines`), the two long texts and the
 * fiche's address. The text is exactly what `csvChunks` writes from
 * `exportColumns` (a test compares them byte for byte): same labels, same quoting (a field
 * with `;`, `"`, CR or LF is quoted, quotes doubled), euros with a decimal comma, CRLF.
 */
export async function* csvLinesFromDatabase(
  q: Queryable,
  filters: ProjectFilters,
  publicUrl: string,
): AsyncGenerator<string> {
  const windows = matchingWindows(q, filters, CSV_WINDOW_ROWS, async (ids) => {
    const line = [
      sql`l.head`,
      field(sql`p.objectives`),
      field(sql`p.description`),
      field(sql`${`${publicUrl}/atlas/projets/`}::text || l.project_id`),
    ];
    const rows = rowsOf<{ line: string }>(
      await q.execute(sql`
        SELECT ${sql.join(line, sql` || ';' || `)} || E'\\r\\n' AS line
          FROM atlas_export_lines l
          JOIN atlas_projects p ON p.id = l.project_id
         WHERE ${anyOfIds(sql`l.project_id`, ids)}
         ORDER BY l.project_id`),
    );
    return rows;
  });
  for await (const rows of windows) yield* joinedInChunks(rows);
}

/**
 * The lines of a window joined in pieces of about 32,000 characters: a text of megabytes
 * would be allocated apart from the young objects and freed only by a full collection,
 * which lets the process grow by a hundred megabytes during a large export.
 */
function* joinedInChunks(rows: { line: string }[]) {
  let chunk = "";
  for (const { line } of rows) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

const CHUNK_CHARACTERS = 32_000;

/**
 * Writes the stored head of the CSV line of the search rows matching `rows` (a condition
 * on `i.project_id`): every field from the identifier to the fundings. Called by the
 * write path in the transaction that rewrites the search rows. Labels come from the
 * reference tables (read by `atlasLabels` too) and the code's own lists.
 */
export async function refreshExportLines(q: Queryable, rows: SQL) {
  const listLabels = (list: string) =>
    sql`(SELECT coalesce(jsonb_object_agg(code, label_fr), '{}') FROM ref_codes
          WHERE list = ${list})::text`;
  // Read first, then given to the statement as constants (one object per list): a label
  // object computed inside the statement is read again at every lookup, twenty times slower.
  const [labels] = rowsOf<Record<LabelList, string>>(
    await q.execute(sql`
      SELECT ${listLabels("theme")} AS theme,
             ${listLabels("partnership_kind")} AS "partnershipKind",
             ${listLabels("funding_source")} AS funding,
             (SELECT coalesce(jsonb_object_agg(code, name_fr), '{}') FROM ref_countries)::text
               AS country`),
  );
  const constants: Record<LabelList | "status" | "domain", string> = {
    ...labels,
    status: JSON.stringify(projectStatusLabels),
    domain: JSON.stringify(
      Object.fromEntries(atlasDomains.map((domain) => [domain.code, domain.label])),
    ),
  };
  const columns = Object.entries(constants).map(
    ([list, value]) => sql`${value}::jsonb AS ${sql.identifier(list)}`,
  );
  await q.execute(sql`
    INSERT INTO atlas_export_lines AS target (project_id, head)
    WITH names AS (SELECT ${sql.join(columns, sql`, `)})
    SELECT i.project_id, ${csvHead()}
      FROM atlas_project_index i
      JOIN atlas_projects p ON p.id = i.project_id, names
     WHERE ${rows}
    ON CONFLICT (project_id) DO UPDATE SET head = excluded.head`);
}

type LabelList = "theme" | "partnershipKind" | "funding" | "country";

/** A field as csv-stringify writes it. */
const field = (value: SQL) => sql`csv_field(coalesce((${value})::text, ''))`;

/** The labels of an array of codes, in the array's order, joined as the export joins lists. */
const labelled = (array: SQL, list: LabelList) =>
  sql`(SELECT string_agg(coalesce(names.${sql.identifier(list)}->>code, code), ' | ' ORDER BY ord)
         FROM unnest(${array}) WITH ORDINALITY AS u(code, ord))`;

const euros = (cents: SQL) =>
  sql`CASE WHEN ${cents} IS NULL THEN NULL
           ELSE CASE WHEN ${cents} < 0 THEN '-' ELSE '' END || (abs(${cents}) / 100)::text || ','
                || lpad((abs(${cents}) % 100)::text, 2, '0') END`;

/** The fields of `exportColumns` from the identifier to the fundings, joined. */
function csvHead(): SQL {
  const fields = [
    sql`i.project_id`,
    sql`i.title`,
    sql`coalesce(names.status->>i.status, i.status)`,
    sql`nullif(i.start_year, 0)`,
    sql`nullif(i.end_year, 0)`,
    sql`coalesce(names.domain->>p.domain_code, p.domain_code)`,
    labelled(sql`i.themes`, "theme"),
    sql`array_to_string(i.sdgs, ' | ')`,
    sql`array_to_string(i.countries, ' | ')`,
    labelled(sql`i.countries`, "country"),
    sql`array_to_string(i.collectivite_names, ' | ')`,
    sql`array_to_string(i.authority_names, ' | ')`,
    labelled(sql`i.partnership_kinds`, "partnershipKind"),
    euros(sql`p.total_budget_cents`),
    sql`(SELECT string_agg(coalesce(names.funding->>(line->>'source'), line->>'source') || ' : '
                           || ${euros(sql`(line->>'amountCents')::bigint`)}, ' | ' ORDER BY ord)
           FROM jsonb_array_elements(i.funding_lines) WITH ORDINALITY AS f(line, ord))`,
  ];
  return sql.join(fields.map(field), sql` || ';' || `);
}
