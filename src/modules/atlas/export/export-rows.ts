import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../platform/db/client";
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
  const windows = matchingWindows(q, filters, batchSize, async (where, from, to) => {
    const rows = rowsOf<RawExportRow>(
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
         WHERE ${where} AND i.project_id BETWEEN ${from} AND ${to}
         ORDER BY i.project_id`),
    );
    return { matched: rows.length, value: rows };
  });
  for await (const rows of windows) if (rows.length > 0) yield rows.map(fromRaw);
}

/**
 * Reads the projects matching the filters window of ids after window, in id order: one
 * query per window, so memory stays flat and no transaction is held open however large the
 * export. The window adapts to how many projects matched in the previous one (a plain
 * "next 2,000 after id N" query would make the planner re-read every match of a broad
 * filter, all of Europe, for each batch); the next window is read while the current one is
 * written.
 */
export async function* matchingWindows<T>(
  q: Queryable,
  filters: ProjectFilters,
  batchSize: number,
  fetch: (where: SQL, from: number, to: number) => Promise<{ matched: number; value: T }>,
): AsyncGenerator<T> {
  const keyword = await effectiveKeyword(q, filters);
  const where = projectConditions(filters, keyword);
  const [range] = rowsOf<{ low: number | null; high: number | null }>(
    await q.execute(sql`SELECT min(project_id) AS low, max(project_id) AS high
                          FROM atlas_project_index`),
  );
  if (range.low === null || range.high === null) return;
  let window = batchSize;
  let to = Math.min(range.high, range.low + window - 1);
  let pending: Promise<{ matched: number; value: T }> | null = fetch(where, range.low, to);
  while (pending) {
    const { matched, value } = await pending;
    // Aim the next window at about one batch of matches, within sane bounds.
    const density = Math.max(matched, 1) / window;
    window = Math.round(Math.min(Math.max(batchSize / density, batchSize), 1_000_000));
    const from = to + 1;
    to = Math.min(range.high, from + window - 1);
    pending = from <= range.high ? fetch(where, from, to) : null;
    if (matched > 0) yield value;
  }
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
