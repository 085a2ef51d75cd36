import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import { allOf } from "../../../platform/db/conditions";
import { Invalid } from "../../../platform/errors";
import { facetValuesOf, storedFacetRows, storedFilterKey } from "./facet-counts";
import { type ListFilterName, type ProjectFilters, listFilterNames } from "./filters";

export const projectSorts = ["pertinence", "recent", "titre"] as const;
export type ProjectSort = (typeof projectSorts)[number];

export interface ProjectSearchOptions {
  sort?: ProjectSort;
  limit: number;
  /** Keyset position returned by a previous page (API and exports). */
  cursor?: string;
  /** Row offset (numbered pages of the search page). */
  offset?: number;
  facets?: boolean;
}

export interface ProjectHit {
  id: number;
  title: string;
  status: string;
  startYear: number | null;
  endYear: number | null;
  countries: string[];
  themes: string[];
  collectivites: number[];
}

export type Facets = Partial<Record<ListFilterName, Record<string, number>>>;

export type ProjectSearchResult = ProjectPage & ProjectCounts;

const tsQuery = (q: string) => sql`websearch_to_tsquery('french_unaccent', ${q})`;

/** The exact lexeme the search row carries for one filter value (see project-index.ts). */
const filterLexeme = (name: string, value: string | number) =>
  sql`${`'${`${name}=${value}`.replace(/'/g, "''")}'`}::tsquery`;

/**
 * WHERE conditions over `atlas_project_index i`; exported for exports and statistics.
 * Keyword and filters form one text query (values of a filter OR-ed, filters AND-ed), so
 * the GIN index intersects them in one pass instead of AND-ing one bitmap per filter.
 */
export function projectConditions(filters: ProjectFilters, keyword: string | null): SQL {
  const parts: SQL[] = keyword ? [tsQuery(keyword)] : [];
  for (const name of listFilterNames) {
    const values = filters[name] as (string | number)[];
    if (values.length > 0)
      parts.push(
        sql`(${sql.join(
          values.map((value) => filterLexeme(name, value)),
          sql` || `,
        )})`,
      );
  }
  return allOf([
    parts.length > 0 ? sql`i.document @@ (${sql.join(parts, sql` && `)})` : null,
    // A project matches a period when it was running at some point of it.
    filters.yearFrom ? sql`coalesce(i.end_year, i.start_year) >= ${filters.yearFrom}` : null,
    filters.yearTo ? sql`i.start_year <= ${filters.yearTo}` : null,
  ]);
}

/**
 * A keyword made only of stop words ("le", "de la") has no lexeme: it is ignored rather
 * than matching nothing, as a person typing it would expect.
 */
export async function effectiveKeyword(q: Queryable, filters: ProjectFilters) {
  if (!filters.q) return null;
  const [row] = rowsOf<{ nodes: number }>(
    await q.execute(sql`SELECT numnode(${tsQuery(filters.q)})::int AS nodes`),
  );
  return row.nodes > 0 ? filters.q : null;
}

type CursorKey = [number | string, number];

function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string, sort: ProjectSort): CursorKey {
  const invalid = new Invalid(
    {
      cursor: "Le curseur de pagination n'est pas valide : reprenez la recherche depuis le début.",
    },
    "La recherche contient des paramètres invalides.",
  );
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  const expectsText = sort === "titre";
  if (
    !Array.isArray(key) ||
    key.length !== 2 ||
    typeof key[0] !== (expectsText ? "string" : "number") ||
    !Number.isFinite(expectsText ? 0 : key[0]) ||
    !Number.isSafeInteger(key[1])
  )
    throw invalid;
  return key as CursorKey;
}

/** Sort key expression, ORDER BY and the keyset condition after a cursor, per sort. */
function ordering(sort: ProjectSort, keyword: string | null) {
  if (sort === "pertinence" && keyword) {
    const rank = sql`ts_rank(i.document, ${tsQuery(keyword)})`;
    return {
      key: rank,
      orderBy: sql`${rank} DESC, i.project_id ASC`,
      after: ([value, id]: CursorKey) =>
        sql`(${rank} < ${value}::real OR (${rank} = ${value}::real AND i.project_id > ${id}))`,
    };
  }
  if (sort === "titre")
    return {
      key: sql`i.title`,
      orderBy: sql`i.title ASC, i.project_id ASC`,
      after: ([value, id]: CursorKey) => sql`(i.title, i.project_id) > (${value}, ${id})`,
    };
  const year = sql`coalesce(i.start_year, 0)`;
  return {
    key: year,
    orderBy: sql`${year} DESC, i.project_id DESC`,
    after: ([value, id]: CursorKey) => sql`(${year}, i.project_id) < (${value}, ${id})`,
  };
}

export function defaultSort(filters: ProjectFilters): ProjectSort {
  return filters.q ? "pertinence" : "recent";
}

export interface ProjectPage {
  items: ProjectHit[];
  nextCursor: string | null;
  sort: ProjectSort;
}

export interface ProjectCounts {
  total: number;
  facets: Facets;
}

/** One page of projects matching the filters, in the requested order. */
export async function findProjects(
  q: Queryable,
  filters: ProjectFilters,
  options: ProjectSearchOptions,
): Promise<ProjectPage> {
  const keyword = await effectiveKeyword(q, filters);
  const sort =
    options.sort === "pertinence" && !keyword ? "recent" : (options.sort ?? defaultSort(filters));
  const order = ordering(sort, keyword);
  const after = options.cursor ? order.after(decodeCursor(options.cursor, sort)) : sql`true`;
  const rows = rowsOf<ProjectHit & { sortKey: number | string }>(
    await q.execute(sql`
      SELECT i.project_id AS "id", i.title, i.status, i.start_year AS "startYear",
             i.end_year AS "endYear", i.countries, i.themes, i.collectivites,
             ${order.key} AS "sortKey"
        FROM atlas_project_index i
       WHERE ${projectConditions(filters, keyword)} AND ${after}
       ORDER BY ${order.orderBy}
       LIMIT ${options.limit + 1} OFFSET ${options.offset ?? 0}`),
  );
  const hasMore = rows.length > options.limit;
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    sort,
    items: items.map(({ sortKey: _, ...hit }) => hit),
    nextCursor: hasMore && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

/**
 * How many projects match, and how many per value of each filter among them: read from
 * the stored counts for the broad searches, counted in one pass over the matches otherwise.
 */
export async function countProjects(
  q: Queryable,
  filters: ProjectFilters,
  withFacets = true,
): Promise<ProjectCounts> {
  const keyword = await effectiveKeyword(q, filters);
  const key = storedFilterKey(filters, keyword);
  const rows =
    key === null
      ? await countMatches(q, projectConditions(filters, keyword), withFacets)
      : await storedFacetRows(q, key, withFacets);
  return countsOf(rows);
}

/** A page, the total and the facet counts, as the API returns them. */
export async function searchProjects(
  q: Queryable,
  filters: ProjectFilters,
  options: ProjectSearchOptions,
): Promise<ProjectSearchResult> {
  const page = await findProjects(q, filters, options);
  const counts = await countProjects(q, filters, options.facets ?? true);
  return { ...page, ...counts };
}

type FacetRow = { facet: string; value: string; n: number };

/**
 * Each match is read once: its facet values are unnested and counted together, and the
 * total is the sum of the status counts (a project has exactly one status).
 */
async function countMatches(q: Queryable, where: SQL, withFacets: boolean): Promise<FacetRow[]> {
  if (!withFacets)
    return rowsOf<FacetRow>(
      await q.execute(sql`SELECT '' AS facet, '' AS value, count(*)::int AS n
                            FROM atlas_project_index i WHERE ${where}`),
    );
  const rows = rowsOf<FacetRow>(
    await q.execute(sql`
      SELECT facet, value, count(*)::int AS n FROM (${facetValuesOf(where)}) v
       GROUP BY facet, value ORDER BY facet, value`),
  );
  const total = rows.filter((row) => row.facet === "status").reduce((sum, row) => sum + row.n, 0);
  return [{ facet: "", value: "", n: total }, ...rows];
}

function countsOf(rows: FacetRow[]): ProjectCounts {
  let total = 0;
  const facets: Facets = {};
  for (const row of rows) {
    if (row.facet === "") {
      total = row.n;
      continue;
    }
    const name = row.facet as ListFilterName;
    facets[name] ??= {};
    facets[name]![row.value] = row.n;
  }
  return { total, facets };
}
