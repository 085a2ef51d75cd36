import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { allOf, inList } from "../../../platform/db/conditions";
import { atlasLabels } from "../labels";
import { type ListFilterName, type ProjectFilters, hasAnyFilter } from "../search/filters";
import { effectiveKeyword, projectConditions } from "../search/project-search";

import { type StatGroup, statGroups } from "./stat-groups";
import { collectivites, foreignAuthorities } from "../../register/index";
import { parseInput } from "../../../platform/validation";
import { z } from "zod";
import { frenchCompare } from "../../../platform/french/collation";
import { atlasDomains } from "../../../reference/data/themes";

export interface StatRow {
  key: string;
  label: string;
  projects: number;
  partnerships: number;
  frenchCollectivites: number;
  partnerAuthorities: number;
}

/** A dimension named in a query: `groupBy` (the lines) or `crossBy` (the columns). */
export const parseStatGroup = (
  value: string | null,
  field: "groupBy" | "crossBy" = "groupBy",
): StatGroup =>
  parseInput(
    z.object({
      [field]: z.enum(statGroups, {
        message: `${field === "groupBy" ? "Le regroupement" : "La dimension des colonnes"} doit être l'une des valeurs : ${statGroups.join(", ")}.`,
      }),
    }),
    { [field]: value ?? undefined },
    "La demande de statistiques contient des paramètres invalides.",
  )[field] as StatGroup;

/** The domains of a project search row (i): those of its thématiques, each once. */
const projectDomains = sql`ARRAY(SELECT DISTINCT d.domain FROM (VALUES ${sql.join(
  atlasDomains.flatMap((domain) => domain.themes.map(([theme]) => sql`(${theme}, ${domain.code})`)),
  sql`, `,
)}) AS d(theme, domain) WHERE d.theme = ANY(i.themes))`;

/** Per group, the values of a project search row (i): one project counts under each. */
export const projectValues: Record<StatGroup, SQL> = {
  country: sql`i.countries`,
  region: sql`i.regions`,
  departement: sql`i.departements`,
  collectiviteKind: sql`i.collectivite_kinds`,
  partnershipKind: sql`i.partnership_kinds`,
  theme: sql`i.themes`,
  domain: projectDomains,
  year: sql`ARRAY[i.start_year::text]`,
};

/** Per group: the key of a partnership link (l); projects are keyed by projectValues. */
const linkKeys: Record<StatGroup, { link: SQL; viaProjects?: boolean }> = {
  country: { link: sql`l.country_code` },
  region: { link: sql`l.region_code` },
  departement: { link: sql`l.departement_code` },
  collectiviteKind: { link: sql`l.collectivite_kind` },
  partnershipKind: { link: sql`l.partnership_kind` },
  // A partnership counts under a thématique (a domain) when one of its projects has it.
  theme: { link: sql`unnest(i.themes)`, viaProjects: true },
  domain: { link: sql`unnest(${projectDomains})`, viaProjects: true },
  // Partnerships by year of signature, projects by year of start.
  year: { link: sql`extract(year FROM l.signed_on)::int::text` },
};

/** Filters that describe a partnership, and the column of a partnership link behind each. */
const linkColumns: [ListFilterName, SQL][] = [
  ["continent", sql`l.continent`],
  ["country", sql`l.country_code`],
  ["region", sql`l.region_code`],
  ["departement", sql`l.departement_code`],
  ["collectivite", sql`l.collectivite_id`],
  ["collectiviteKind", sql`l.collectivite_kind`],
  ["partnershipKind", sql`l.partnership_kind`],
];

/** The filters left once those that describe a partnership are taken out. */
function projectOnlyFilters(filters: ProjectFilters): ProjectFilters {
  return { ...filters, ...Object.fromEntries(linkColumns.map(([name]) => [name, []])) };
}

/**
 * Filters that describe a partnership (where, who, which kind) apply to its links; the
 * others describe projects, and keep the partnerships that have a matching project.
 */
function linkConditions(filters: ProjectFilters, keyword: string | null): SQL {
  const conditions: (SQL | null)[] = linkColumns.map(([name, column]) => {
    const values = filters[name] as (string | number)[];
    return values.length > 0 ? inList(column, values) : null;
  });
  const projectOnly = projectOnlyFilters(filters);
  if (keyword || hasAnyFilter({ ...projectOnly, q: undefined }))
    conditions.push(sql`l.partnership_id IN (
      SELECT pp.partnership_id FROM atlas_project_partnerships pp
        JOIN atlas_project_index i ON i.project_id = pp.project_id
       WHERE ${projectConditions(projectOnly, keyword)})`);
  return allOf(conditions);
}

/** `links` (a partnership, one collectivité, one foreign authority) and the `filtered` ones. */
const filteredLinks = (filters: ProjectFilters, keyword: string | null) => sql`
  WITH links AS (
    SELECT pa.id AS partnership_id, pa.kind AS partnership_kind, pa.signed_on,
           c.id AS collectivite_id, c.kind AS collectivite_kind, c.region_code,
           c.departement_code, fa.id AS authority_id, fa.country_code, rc.continent
      FROM atlas_partnerships pa
      JOIN atlas_partnership_collectivites pc ON pc.partnership_id = pa.id
      JOIN ${collectivites} c ON c.id = pc.collectivite_id
      JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pa.id
      JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
      JOIN ref_countries rc ON rc.code = fa.country_code),
  filtered AS (SELECT * FROM links l WHERE ${linkConditions(filters, keyword)})`;

/** The wholes the groups are shares of: projects and partnerships of the search, each once. */
export async function statisticsTotals(db: Db, filters: ProjectFilters) {
  const keyword = await effectiveKeyword(db, filters);
  const [row] = rowsOf<{ projects: number; partnerships: number }>(
    await db.execute(sql`
      ${filteredLinks(filters, keyword)}
      SELECT (SELECT count(*)::int FROM atlas_project_index i
               WHERE ${projectConditions(filters, keyword)}) AS projects,
             (SELECT count(DISTINCT partnership_id)::int FROM filtered) AS partnerships`),
  );
  return row;
}

/** Atlas figures grouped by one dimension, with the search filters applied. */
export async function groupedStatistics(
  db: Db,
  group: StatGroup,
  filters: ProjectFilters,
): Promise<StatRow[]> {
  const keyword = await effectiveKeyword(db, filters);
  const keys = { ...linkKeys[group], project: sql`unnest(${projectValues[group]})` };
  const linkSource = keys.viaProjects
    ? sql`filtered l
          JOIN atlas_project_partnerships pp ON pp.partnership_id = l.partnership_id
          JOIN atlas_project_index i ON i.project_id = pp.project_id
         WHERE ${projectConditions(projectOnlyFilters(filters), keyword)}`
    : sql`filtered l`;
  const rows = rowsOf<Omit<StatRow, "label">>(
    await db.execute(sql`
      ${filteredLinks(filters, keyword)},
      link_keys AS (
        SELECT ${keys.link} AS key, l.partnership_id, l.collectivite_id, l.authority_id
          FROM ${linkSource}),
      link_counts AS (
        SELECT key, count(DISTINCT partnership_id)::int AS partnerships,
               count(DISTINCT collectivite_id)::int AS "frenchCollectivites",
               count(DISTINCT authority_id)::int AS "partnerAuthorities"
          FROM link_keys WHERE key IS NOT NULL GROUP BY key),
      project_counts AS (
        SELECT key, count(*)::int AS projects
          FROM (SELECT ${keys.project} AS key FROM atlas_project_index i
                 WHERE ${projectConditions(filters, keyword)}) k
         WHERE key IS NOT NULL GROUP BY key)
      SELECT coalesce(l.key, p.key) AS key, coalesce(p.projects, 0) AS projects,
             coalesce(l.partnerships, 0) AS partnerships,
             coalesce(l."frenchCollectivites", 0) AS "frenchCollectivites",
             coalesce(l."partnerAuthorities", 0) AS "partnerAuthorities"
        FROM link_counts l FULL JOIN project_counts p ON p.key = l.key`),
  );
  const labels = await atlasLabels(db);
  const labelMap = group === "year" ? null : labels[group];
  const result = rows.map((row) => ({
    key: String(row.key),
    label: labelMap?.get(String(row.key)) ?? String(row.key),
    projects: row.projects,
    partnerships: row.partnerships,
    frenchCollectivites: row.frenchCollectivites,
    partnerAuthorities: row.partnerAuthorities,
  }));
  return group === "year"
    ? result.sort((a, b) => Number(a.key) - Number(b.key))
    : result.sort((a, b) => b.projects - a.projects || frenchCompare(a.label, b.label));
}
