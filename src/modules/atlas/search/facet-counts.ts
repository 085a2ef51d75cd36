import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import { type KeptCounts, applyKeptCounts, ensureAnchor } from "../../../platform/db/kept-counts";
import type { ListFilterName, ProjectFilters } from "./filters";

/**
 * Facet counts of the broad searches, kept ready: for the search without filters and for
 * every search with one filter of one value (a continent, a country, a thématique…), how
 * many projects carry each value of each facet, and how many match in all. The Atlas's
 * write path (`refreshProjectIndex`) keeps them in the transaction that changes a search
 * row, so they always equal a count of the index; narrower searches are counted directly.
 *
 * Rows: `filter` is '' (no filter) or `name=value`, as the search row's filter lexemes;
 * `facet` and `value` the counted value, or '' and '' for the number of matching projects.
 */

/** Filters that get facet counts (collectivités have thousands of values: no facet). */
export const facetNames = [
  "continent",
  "country",
  "region",
  "departement",
  "collectiviteKind",
  "theme",
  "partnershipKind",
  "funding",
  "sdg",
] as const;

/** Array column of atlas_project_index behind each list filter. */
export const arrayColumns: Record<Exclude<ListFilterName, "status">, string> = {
  continent: "continents",
  country: "countries",
  region: "regions",
  departement: "departements",
  collectivite: "collectivites",
  collectiviteKind: "collectivite_kinds",
  theme: "themes",
  partnershipKind: "partnership_kinds",
  funding: "fundings",
  sdg: "sdgs",
};

/** One row per (project, facet, value) of the index rows `i` that satisfy `where`. */
export function facetValuesOf(where: SQL): SQL {
  const arrays = facetNames.map(
    (name) => sql`SELECT ${name}::text, unnest(i.${sql.identifier(arrayColumns[name])})::text`,
  );
  return sql`
    SELECT i.project_id, x.facet, x.value
      FROM atlas_project_index i
     CROSS JOIN LATERAL (
       SELECT 'status'::text, i.status
       UNION ALL ${sql.join(arrays, sql` UNION ALL `)}) x(facet, value)
     WHERE ${where}`;
}

/**
 * The stored rows the index rows matching `where` contribute: each project counts under
 * the empty filter and under each of its values, once in the total and once per value.
 */
function contributions(where: SQL): SQL {
  return sql`
    WITH v AS MATERIALIZED (${facetValuesOf(where)}),
    -- Every project has exactly one status: its status row stands for the project itself.
    keys AS (SELECT project_id, '' AS filter FROM v WHERE facet = 'status'
             UNION ALL SELECT project_id, facet || '=' || value FROM v)
    SELECT k.filter, v.facet, v.value, count(*)::int AS projects
      FROM keys k JOIN v USING (project_id) GROUP BY 1, 2, 3
    UNION ALL
    SELECT k.filter, '', '', count(*)::int FROM keys k GROUP BY 1`;
}

/** The stored facet counts; every writer locks the total of the search without filters. */
const facetCountsTable: KeptCounts = {
  table: "atlas_facet_counts",
  keys: ["filter", "facet", "value"],
  count: "projects",
  anchor: ["", "", ""],
};

/** Adds (sign 1) or removes (sign -1) what the index rows matching `where` contribute. */
export function applyFacetCounts(q: Queryable, where: SQL, sign: 1 | -1) {
  return applyKeptCounts(q, facetCountsTable, contributions(where), sign);
}

/** Counts everything again from the search rows (after a bulk load or a rebuild). */
export async function rebuildFacetCounts(q: Queryable) {
  await q.execute(sql`DELETE FROM atlas_facet_counts`);
  // A plain insert into the emptied table: no conflict to resolve, no order to keep.
  await q.execute(sql`
    INSERT INTO atlas_facet_counts (filter, facet, value, projects)
    SELECT filter, facet, value, projects FROM (${contributions(sql`true`)}) d`);
  await ensureAnchor(q, facetCountsTable);
}

/** True when projects exist whose counts were never stored (a database from before them). */
export async function facetCountsAreMissing(q: Queryable): Promise<boolean> {
  const [row] = rowsOf<{ missing: boolean }>(
    await q.execute(sql`
      SELECT EXISTS (SELECT 1 FROM atlas_project_index)
             AND NOT EXISTS (SELECT 1 FROM atlas_facet_counts
                              WHERE filter = '' AND facet = '' AND projects > 0) AS missing`),
  );
  return row.missing;
}

/**
 * The stored row key answering these filters, or null when the search is narrower than
 * one value of one filter (a keyword, a period, several values, the collectivité filter).
 */
export function storedFilterKey(filters: ProjectFilters, keyword: string | null): string | null {
  if (keyword || filters.yearFrom || filters.yearTo) return null;
  const given = (Object.keys(arrayColumns) as ListFilterName[])
    .concat("status")
    .filter((name) => (filters[name] as unknown[]).length > 0);
  if (given.length === 0) return "";
  if (given.length > 1 || given[0] === "collectivite") return null;
  const values = new Set((filters[given[0]] as unknown[]).map(String));
  return values.size === 1 ? `${given[0]}=${[...values][0]}` : null;
}

/** The stored counts of one key, as facet rows ('' facet: the total). */
export async function storedFacetRows(q: Queryable, key: string, withFacets: boolean) {
  return rowsOf<{ facet: string; value: string; n: number }>(
    await q.execute(sql`
      SELECT facet, value, projects AS n FROM atlas_facet_counts
       WHERE filter = ${key} AND projects > 0 ${withFacets ? sql`` : sql`AND facet = ''`}
       ORDER BY facet, value`),
  );
}
