import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { markChanged } from "../../platform/changes";
import { inList } from "../../platform/db/conditions";
import { collectivites, foreignAuthorities } from "../register/index";
import { refreshExportLines } from "./export/csv-in-sql";
import { applyFacetCounts, facetCountsAreMissing, rebuildFacetCounts } from "./search/facet-counts";
import { partnerFiguresAreMissing, rebuildPartnerFigures } from "./statistics/partner-figures";

/** Which projects to rebuild: a list of ids, an id range (bulk loads) or every project. */
export type ProjectSelection = { ids: number[] } | { fromId: number; toId: number } | "all";

function selectionCondition(selection: ProjectSelection): SQL {
  if (selection === "all") return sql`true`;
  if ("ids" in selection) {
    if (selection.ids.length === 0) return sql`false`;
    return inList(sql`p.id`, selection.ids);
  }
  return sql`p.id BETWEEN ${selection.fromId} AND ${selection.toId}`;
}

/**
 * Rebuilds the search rows of the selected projects from the Atlas tables. The collectivités
 * of a project are its lead and those of its partnerships; its countries are the countries
 * it names. Place names, partner names and thématique labels go into the document so that a
 * search for "Sénégal" or "Rennes" finds projects that do not spell them out.
 */
export async function refreshProjectIndex(
  q: Queryable,
  selection: ProjectSelection,
  options: { facetCounts: "kept" | "rebuilt later" } = { facetCounts: "kept" },
) {
  const where = selectionCondition(selection);
  const rows = sql`i.project_id IN (SELECT p.id FROM atlas_projects p WHERE ${where})`;
  // The stored facet counts lose what the old rows gave and gain what the new ones give.
  const keepCounts = options.facetCounts === "kept";
  if (keepCounts) await applyFacetCounts(q, rows, -1);
  await q.execute(sql`
    INSERT INTO atlas_project_index AS target (
      project_id, title, status, start_year, end_year, continents, countries, regions,
      departements, collectivites, collectivite_kinds, themes, partnership_kinds, fundings,
      sdgs, collectivite_names, authority_names, funding_lines, latitude, longitude, document)
    SELECT p.id, p.title, p.status, p.start_year, p.end_year,
           coalesce(geo.continents, '{}'), coalesce(geo.countries, '{}'),
           coalesce(col.regions, '{}'), coalesce(col.departements, '{}'),
           coalesce(col.ids, '{}'), coalesce(col.kinds, '{}'),
           coalesce(codes.themes, '{}'), coalesce(ship.kinds, '{}'),
           coalesce(money.sources, '{}'), coalesce(codes.sdgs, '{}'),
           coalesce(col.name_list, '{}'), coalesce(ship.authority_list, '{}'),
           coalesce(money.lines, '[]'), coalesce(ship.latitude, geo.latitude),
           coalesce(ship.longitude, geo.longitude),
           setweight(to_tsvector('french_unaccent', p.title), 'A')
           || setweight(to_tsvector('french_unaccent',
                concat_ws(' ', geo.names, col.names, ship.authority_names, codes.labels)), 'B')
           || setweight(to_tsvector('french_unaccent',
                concat_ws(' ', p.objectives, p.description)), 'C')
           -- Filter values as exact lexemes ("theme=education"): a search with a keyword
           -- and several filters becomes one GIN lookup (see filterLexeme).
           || array_to_tsvector(
                ARRAY['status=' || p.status]
                || ARRAY(SELECT 'continent=' || v FROM unnest(geo.continents) v)
                || ARRAY(SELECT 'country=' || v FROM unnest(geo.countries) v)
                || ARRAY(SELECT 'region=' || v FROM unnest(col.regions) v)
                || ARRAY(SELECT 'departement=' || v FROM unnest(col.departements) v)
                || ARRAY(SELECT 'collectivite=' || v FROM unnest(col.ids) v)
                || ARRAY(SELECT 'collectiviteKind=' || v FROM unnest(col.kinds) v)
                || ARRAY(SELECT 'theme=' || v FROM unnest(codes.themes) v)
                || ARRAY(SELECT 'partnershipKind=' || v FROM unnest(ship.kinds) v)
                || ARRAY(SELECT 'funding=' || v FROM unnest(money.sources) v)
                || ARRAY(SELECT 'sdg=' || v FROM unnest(codes.sdgs) v))
      FROM atlas_projects p
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT c.continent) AS continents,
               array_agg(DISTINCT c.code) AS countries,
               string_agg(c.name_fr, ' ') AS names,
               (array_agg(c.latitude ORDER BY c.code))[1] AS latitude,
               (array_agg(c.longitude ORDER BY c.code))[1] AS longitude
          FROM atlas_project_countries pc JOIN ref_countries c ON c.code = pc.country_code
         WHERE pc.project_id = p.id) geo ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT pa.kind) AS kinds,
               string_agg(DISTINCT fa.name, ' ') AS authority_names,
               array_agg(DISTINCT fa.name) FILTER (WHERE fa.name IS NOT NULL) AS authority_list,
               (array_agg(fa.latitude ORDER BY fa.id) FILTER (WHERE fa.latitude IS NOT NULL))[1]
                 AS latitude,
               (array_agg(fa.longitude ORDER BY fa.id) FILTER (WHERE fa.latitude IS NOT NULL))[1]
                 AS longitude
          FROM atlas_project_partnerships pp
          JOIN atlas_partnerships pa ON pa.id = pp.partnership_id
          LEFT JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pa.id
          LEFT JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
         WHERE pp.project_id = p.id) ship ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT ac.id) AS ids,
               array_agg(DISTINCT ac.kind) AS kinds,
               array_remove(array_agg(DISTINCT ac.region_code), NULL) AS regions,
               array_remove(array_agg(DISTINCT ac.departement_code), NULL) AS departements,
               string_agg(DISTINCT ac.name, ' ') AS names,
               array_agg(DISTINCT ac.name) AS name_list
          FROM ${collectivites} ac
         WHERE ac.id IN (SELECT p.lead_collectivite_id
                          UNION
                         SELECT pcol.collectivite_id
                           FROM atlas_project_partnerships pp
                           JOIN atlas_partnership_collectivites pcol
                             ON pcol.partnership_id = pp.partnership_id
                          WHERE pp.project_id = p.id)) col ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT pcode.code) FILTER (WHERE pcode.list = 'theme') AS themes,
               array_agg(DISTINCT pcode.code) FILTER (WHERE pcode.list = 'sdg') AS sdgs,
               string_agg(r.label_fr, ' ') FILTER (WHERE pcode.list = 'theme') AS labels
          FROM atlas_project_codes pcode
          LEFT JOIN ref_codes r ON r.list = pcode.list AND r.code = pcode.code
         WHERE pcode.project_id = p.id) codes ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT source_code) AS sources,
               jsonb_agg(jsonb_build_object('source', f.source_code, 'amountCents', f.amount_cents)
                         ORDER BY f.id) AS lines
          FROM atlas_project_fundings f WHERE f.project_id = p.id) money ON true
     WHERE ${where}
    ON CONFLICT (project_id) DO UPDATE SET
      title = excluded.title, status = excluded.status, start_year = excluded.start_year,
      end_year = excluded.end_year, continents = excluded.continents,
      countries = excluded.countries, regions = excluded.regions,
      departements = excluded.departements, collectivites = excluded.collectivites,
      collectivite_kinds = excluded.collectivite_kinds, themes = excluded.themes,
      partnership_kinds = excluded.partnership_kinds, fundings = excluded.fundings,
      sdgs = excluded.sdgs, collectivite_names = excluded.collectivite_names,
      authority_names = excluded.authority_names, funding_lines = excluded.funding_lines,
      latitude = excluded.latitude, longitude = excluded.longitude,
      document = excluded.document`);
  await refreshExportLines(q, rows);
  if (keepCounts) await applyFacetCounts(q, rows, 1);
}

/**
 * Takes projects out of the search and its stored counts; a command deleting projects
 * calls it before deleting them (the rows would otherwise go by cascade, uncounted).
 */
export async function removeFromProjectIndex(q: Queryable, ids: number[]) {
  if (ids.length === 0) return;
  const rows = inList(sql`i.project_id`, ids);
  await applyFacetCounts(q, rows, -1);
  await q.execute(sql`DELETE FROM atlas_project_index i WHERE ${rows}`);
}

const REBUILD_BATCH = 5_000;

/**
 * Rebuilds every search row and export line, batch by batch (each batch its own statement,
 * so a large Atlas never holds one huge transaction), then the figures kept beside them
 * (facet counts, partner figures), and raises the Atlas's data version: every instance
 * draws its pages again from the new rows. Used after a migration that changes the rows, at
 * start-up when they are missing or the reference data changed, and by
 * `npm run atlas:reindex`.
 */
export async function rebuildAtlasIndex(
  q: Queryable,
  onProgress?: (done: number, total: number) => void,
) {
  const [range] = rowsOf<{ low: number | null; high: number | null }>(
    await q.execute(sql`SELECT min(id) AS low, max(id) AS high FROM atlas_projects`),
  );
  await q.execute(sql`DELETE FROM atlas_project_index
                       WHERE project_id NOT IN (SELECT id FROM atlas_projects)`);
  if (range.low !== null && range.high !== null)
    for (let start = range.low; start <= range.high; start += REBUILD_BATCH) {
      await refreshProjectIndex(
        q,
        { fromId: start, toId: start + REBUILD_BATCH - 1 },
        { facetCounts: "rebuilt later" },
      );
      onProgress?.(
        Math.min(range.high, start + REBUILD_BATCH - 1) - range.low + 1,
        range.high - range.low + 1,
      );
    }
  await rebuildFacetCounts(q);
  await rebuildPartnerFigures(q);
  await markChanged(q, "atlas");
}

/**
 * True when projects exist that have no search row (an index added to an existing Atlas),
 * search rows without their export line, or search rows whose counts were never stored.
 */
export async function atlasIndexIsIncomplete(q: Queryable): Promise<boolean> {
  if ((await facetCountsAreMissing(q)) || (await partnerFiguresAreMissing(q))) return true;
  const [row] = rowsOf<{ missing: boolean }>(
    await q.execute(sql`
      SELECT EXISTS (SELECT 1 FROM atlas_projects p
                      WHERE NOT EXISTS (SELECT 1 FROM atlas_project_index i
                                         WHERE i.project_id = p.id))
          OR EXISTS (SELECT 1 FROM atlas_project_index i
                      WHERE NOT EXISTS (SELECT 1 FROM atlas_export_lines l
                                         WHERE l.project_id = i.project_id)) AS missing`),
  );
  return row.missing;
}
