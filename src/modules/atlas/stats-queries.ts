import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { collectivites, foreignAuthorities } from "../register/index";

export interface ContinentFigures {
  continent: string;
  collectivites: number;
  authorities: number;
  countries: number;
  projects: number;
}

/**
 * Atlas figures by continent of the foreign partner. A collectivité active on several
 * continents counts once on each; a project counts on the continent of its countries.
 */
export async function figuresByContinent(q: Queryable): Promise<ContinentFigures[]> {
  const result = await q.execute(sql`
    WITH links AS (
      SELECT pc.collectivite_id, fa.id AS authority_id, fa.country_code, c.continent
        FROM atlas_partnership_collectivites pc
        JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pc.partnership_id
        JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
        JOIN ref_countries c ON c.code = fa.country_code
    ),
    partners AS (
      SELECT continent,
             count(DISTINCT collectivite_id)::int AS collectivites,
             count(DISTINCT authority_id)::int AS authorities,
             count(DISTINCT country_code)::int AS countries
        FROM links GROUP BY continent
    ),
    project_continents AS (
      SELECT c.continent, count(DISTINCT pc.project_id)::int AS projects
        FROM atlas_project_countries pc
        JOIN ref_countries c ON c.code = pc.country_code
       GROUP BY c.continent
    )
    SELECT p.continent, p.collectivites, p.authorities, p.countries, coalesce(pj.projects, 0) AS projects
      FROM partners p LEFT JOIN project_continents pj ON pj.continent = p.continent
     ORDER BY p.collectivites DESC`);
  return rowsOf<ContinentFigures>(result);
}

export interface AtlasTotals {
  collectivites: number;
  authorities: number;
  partnerships: number;
  countries: number;
  projects: number;
}

export async function atlasTotals(q: Queryable): Promise<AtlasTotals> {
  const result = await q.execute(sql`
    SELECT
      (SELECT count(DISTINCT collectivite_id)::int FROM atlas_partnership_collectivites) AS collectivites,
      (SELECT count(DISTINCT foreign_authority_id)::int FROM atlas_partnership_foreign_authorities) AS authorities,
      (SELECT count(*)::int FROM atlas_partnerships) AS partnerships,
      (SELECT count(DISTINCT fa.country_code)::int
         FROM atlas_partnership_foreign_authorities pfa
         JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id) AS countries,
      (SELECT count(*)::int FROM atlas_projects) AS projects`);
  return rowsOf<AtlasTotals>(result)[0];
}

/** Share of partnerships by kind of French collectivité. */
export async function partnershipSharesByCollectiviteKind(q: Queryable) {
  const result = await q.execute(sql`
    SELECT c.kind, count(*)::int AS partnerships,
           round(count(*)::numeric / sum(count(*)) OVER (), 4)::float AS share
      FROM atlas_partnership_collectivites pc
      JOIN ${collectivites} c ON c.id = pc.collectivite_id
     GROUP BY c.kind ORDER BY partnerships DESC`);
  return rowsOf<{ kind: string; partnerships: number; share: number }>(result);
}

/** Share of projects by Atlas domain. */
export async function projectSharesByDomain(q: Queryable) {
  const result = await q.execute(sql`
    SELECT r.label_fr AS domain, count(*)::int AS projects,
           round(count(*)::numeric / sum(count(*)) OVER (), 4)::float AS share
      FROM atlas_projects p
      JOIN ref_codes r ON r.list = 'domain' AND r.code = p.domain_code
     GROUP BY r.label_fr ORDER BY projects DESC`);
  return rowsOf<{ domain: string; projects: number; share: number }>(result);
}
