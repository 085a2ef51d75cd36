import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import { anyOfIds } from "../../../platform/db/conditions";
import type { ProjectFilters } from "../search/filters";
import { effectiveKeyword, projectConditions } from "../search/project-search";

/** A project with everything the exports write; public data only (no contacts). */
export interface ExportProject {
  id: number;
  title: string;
  status: string;
  startYear: number | null;
  endYear: number | null;
  domainCode: string;
  objectives: string | null;
  description: string | null;
  totalBudgetCents: number | null;
  updatedAt: string;
  countries: string[];
  themes: string[];
  sdgs: string[];
  partnershipKinds: string[];
  collectivites: string[];
  authorities: string[];
  fundings: { source: string; amountCents: number }[];
  latitude: number | null;
  longitude: number | null;
}

export const EXPORT_BATCH = 2_000;

/** The projects matching the filters, batch after batch in id order (see `matchingWindows`). */
export async function* exportProjects(
  q: Queryable,
  filters: ProjectFilters,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportProject[]> {
  const windows = matchingWindows(q, filters, batchSize, async (ids) =>
    rowsOf<RawExportRow>(
      await q.execute(sql`
        SELECT i.project_id AS id, i.title, i.status, i.start_year AS "startYear",
               i.end_year AS "endYear", p.domain_code AS "domainCode", p.objectives,
               p.description, p.total_budget_cents AS "totalBudgetCents",
               to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
               array_to_string(i.countries, ${UNIT}) AS countries,
               array_to_string(i.themes, ${UNIT}) AS themes,
               array_to_string(i.sdgs, ${UNIT}) AS sdgs,
               array_to_string(i.partnership_kinds, ${UNIT}) AS "partnershipKinds",
               array_to_string(i.collectivite_names, ${UNIT}) AS collectivites,
               array_to_string(i.authority_names, ${UNIT}) AS authorities,
               (SELECT string_agg(line->>'source' || ${RECORD} || (line->>'amountCents'), ${UNIT})
                  FROM jsonb_array_elements(i.funding_lines) line) AS fundings,
               i.latitude, i.longitude
          FROM atlas_project_index i
          JOIN atlas_projects p ON p.id = i.project_id
         WHERE ${anyOfIds(sql`i.project_id`, ids)}
         ORDER BY i.project_id`),
    ),
  );
  for await (const rows of windows) yield rows.map(fromRaw);
}

/**
 * Reads the projects matching the filters in windows of `windowRows` rows, in id order:
 * the matching ids are found once (one search, kept as a compact array of integers), then
 * each window reads its rows by primary key. One query per window, so memory stays flat
 * and no transaction is held open however large the export; the next window is read while
 * the current one is written.
 */
export async function* matchingWindows<T>(
  q: Queryable,
  filters: ProjectFilters,
  windowRows: number,
  fetch: (ids: Int32Array) => Promise<T>,
): AsyncGenerator<T> {
  const keyword = await effectiveKeyword(q, filters);
  const ids = await matchingIds(q, projectConditions(filters, keyword));
  const windowAt = (start: number) => fetch(ids.subarray(start, start + windowRows));
  let pending: Promise<T> | null = ids.length > 0 ? windowAt(0) : null;
  for (let start = 0; pending; start += windowRows) {
    const value = await pending;
    pending = start + windowRows < ids.length ? windowAt(start + windowRows) : null;
    yield value;
  }
}

/** The ids of the matching projects, ascending, as 4 bytes each. */
async function matchingIds(q: Queryable, where: SQL): Promise<Int32Array> {
  const [row] = rowsOf<{ count: number; ids: string | null }>(
    await q.execute(sql`
      SELECT count(*)::int AS count,
             string_agg(i.project_id::text, ',' ORDER BY i.project_id) AS ids
        FROM atlas_project_index i WHERE ${where}`),
  );
  const ids = new Int32Array(row.count);
  // Read digit by digit: no intermediate array of a million strings.
  const text = row.ids ?? "";
  let at = 0;
  let value = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 44) {
      ids[at++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  if (row.count > 0) ids[at] = value;
  return ids;
}

/** Lists travel as delimited text: parsing PostgreSQL arrays row by row costs more than SQL. */
const UNIT = "\u001f";
const RECORD = "\u001e";

type RawExportRow = Omit<
  ExportProject,
  | "countries"
  | "themes"
  | "sdgs"
  | "partnershipKinds"
  | "collectivites"
  | "authorities"
  | "fundings"
> &
  Record<
    "countries" | "themes" | "sdgs" | "partnershipKinds" | "collectivites" | "authorities",
    string
  > & { fundings: string | null };

const split = (value: string | null) => (value ? value.split(UNIT) : []);

function fromRaw(row: RawExportRow): ExportProject {
  return {
    ...row,
    countries: split(row.countries),
    themes: split(row.themes),
    sdgs: split(row.sdgs),
    partnershipKinds: split(row.partnershipKinds),
    collectivites: split(row.collectivites),
    authorities: split(row.authorities),
    fundings: split(row.fundings).map((line) => {
      const [source, amount] = line.split(RECORD);
      return { source, amountCents: Number(amount) };
    }),
  };
}
