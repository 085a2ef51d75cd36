import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { collectivites } from "../register/index";
import { storedFacetRows } from "./search/facet-counts";
import { storedPartnerFigures } from "./statistics/partner-figures";
import { frenchCompare } from "../../platform/french/collation";

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
 * Read from the figures the write path keeps (partner figures, stored facet counts).
 */
export async function figuresByContinent(q: Queryable): Promise<ContinentFigures[]> {
  const [figures, projects] = await Promise.all([
    storedPartnerFigures(q),
    storedFacetRows(q, "", true),
  ]);
  const projectsOn = new Map(
    projects.filter((row) => row.facet === "continent").map((row) => [row.value, row.n]),
  );
  const byContinent = new Map<string, ContinentFigures>();
  for (const row of figures) {
    if (row.continent === "" || row.members === 0) continue;
    const entry = byContinent.get(row.continent) ?? {
      continent: row.continent,
      collectivites: 0,
      authorities: 0,
      countries: 0,
      projects: projectsOn.get(row.continent) ?? 0,
    };
    if (row.kind === "collectivite") entry.collectivites = row.members;
    if (row.kind === "authority") entry.authorities = row.members;
    if (row.kind === "country") entry.countries = row.members;
    byContinent.set(row.continent, entry);
  }
  return [...byContinent.values()].sort(
    (a, b) => b.collectivites - a.collectivites || frenchCompare(a.continent, b.continent),
  );
}

export interface AtlasTotals {
  collectivites: number;
  authorities: number;
  partnerships: number;
  countries: number;
  projects: number;
}

export async function atlasTotals(q: Queryable): Promise<AtlasTotals> {
  const [figures, projects] = await Promise.all([
    storedPartnerFigures(q),
    storedFacetRows(q, "", false),
  ]);
  const whole = (kind: string) => figures.find((row) => row.continent === "" && row.kind === kind);
  return {
    collectivites: whole("collectivite")?.members ?? 0,
    authorities: whole("authority")?.members ?? 0,
    partnerships: whole("partnership")?.links ?? 0,
    countries: whole("country")?.members ?? 0,
    projects: projects[0]?.n ?? 0,
  };
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
