import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { allOf, inList } from "../../../platform/db/conditions";
import { atlasLabels, collectiviteKindLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { foreignAuthorityKindLabels, partnershipLines } from "../fiches/partner-fiches";
import { collectivites, foreignAuthorities } from "../../register/index";
import { parseInput } from "../../../platform/validation";
import { z } from "zod";

/** Open-data lists of the Atlas directory: public fields only, pages by id. */
export interface DirectoryPage<T> {
  items: T[];
  nextCursor: string | null;
}

export const parseIdCursor = (value: string | null): number =>
  parseInput(
    z.object({
      cursor: z
        .string()
        .regex(
          /^\d{1,10}$/,
          "Le curseur de pagination n'est pas valide : reprenez depuis le début.",
        )
        .transform(Number)
        .default(0),
    }),
    { cursor: value || undefined },
    "La demande contient des paramètres invalides.",
  ).cursor;

const listed = (values: (string | number)[], column: SQL) =>
  values.length > 0 ? inList(column, values) : null;

function page<T extends { id: number }>(rows: T[], limit: number): DirectoryPage<T> {
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null,
  };
}

const nameSearch = (q: string | undefined, column: SQL) =>
  q ? sql`${column} @@ websearch_to_tsquery('french_unaccent', ${q})` : null;

/** French collectivités of the Atlas, with how many partnerships each has. */
export async function listCollectivites(
  db: Db,
  filters: ProjectFilters,
  after: number,
  limit: number,
) {
  const labels = await atlasLabels(db);
  const rows = rowsOf<{
    id: number;
    name: string;
    kind: string;
    regionCode: string | null;
    departementCode: string | null;
    partnerships: number;
  }>(
    await db.execute(sql`
      SELECT c.id, c.name, c.kind, u.code, u.population, c.region_code AS "regionCode",
             c.departement_code AS "departementCode",
             (SELECT count(*)::int FROM atlas_partnership_collectivites pc
               WHERE pc.collectivite_id = c.id) AS partnerships
        FROM ${collectivites} c
        LEFT JOIN ref_territorial_units u ON u.id = c.unit_id
       WHERE ${allOf([
         sql`c.id > ${after}`,
         nameSearch(filters.q, sql`c.search`),
         listed(filters.region, sql`c.region_code`),
         listed(filters.departement, sql`c.departement_code`),
         listed(filters.collectiviteKind, sql`c.kind`),
         listed(filters.collectivite, sql`c.id`),
       ])}
       ORDER BY c.id LIMIT ${limit + 1}`),
  );
  return page(
    rows.map((row) => ({
      ...row,
      kindLabel: collectiviteKindLabels[row.kind] ?? row.kind,
      region: row.regionCode ? (labels.region.get(row.regionCode) ?? null) : null,
      departement: row.departementCode
        ? (labels.departement.get(row.departementCode) ?? null)
        : null,
      url: `/atlas/collectivites/${row.id}`,
    })),
    limit,
  );
}

export async function listForeignAuthorities(
  db: Db,
  filters: ProjectFilters,
  after: number,
  limit: number,
) {
  const labels = await atlasLabels(db);
  const rows = rowsOf<{
    id: number;
    name: string;
    kind: string;
    countryCode: string;
    latitude: number | null;
    longitude: number | null;
    partnerships: number;
  }>(
    await db.execute(sql`
      SELECT fa.id, fa.name, fa.kind, fa.country_code AS "countryCode", fa.latitude,
             fa.longitude,
             (SELECT count(*)::int FROM atlas_partnership_foreign_authorities pfa
               WHERE pfa.foreign_authority_id = fa.id) AS partnerships
        FROM ${foreignAuthorities} fa
        JOIN ref_countries rc ON rc.code = fa.country_code
       WHERE ${allOf([
         sql`fa.id > ${after}`,
         nameSearch(filters.q, sql`fa.search`),
         listed(filters.country, sql`fa.country_code`),
         listed(filters.continent, sql`rc.continent`),
       ])}
       ORDER BY fa.id LIMIT ${limit + 1}`),
  );
  return page(
    rows.map((row) => ({
      ...row,
      kindLabel: foreignAuthorityKindLabels[row.kind] ?? row.kind,
      country: labels.country.get(row.countryCode) ?? row.countryCode,
      url: `/atlas/partenaires/${row.id}`,
    })),
    limit,
  );
}

export async function listPartnerships(
  db: Db,
  filters: ProjectFilters,
  after: number,
  limit: number,
) {
  const sideFilters = [
    listed(filters.country, sql`fa.country_code`),
    listed(filters.continent, sql`rc.continent`),
  ].filter((condition) => condition !== null);
  const frenchFilters = [
    listed(filters.region, sql`c.region_code`),
    listed(filters.departement, sql`c.departement_code`),
    listed(filters.collectiviteKind, sql`c.kind`),
    listed(filters.collectivite, sql`c.id`),
  ].filter((condition) => condition !== null);
  const rows = await partnershipLines(
    db,
    allOf([
      sql`pa.id > ${after}`,
      listed(filters.partnershipKind, sql`pa.kind`),
      sideFilters.length > 0
        ? sql`EXISTS (SELECT 1 FROM atlas_partnership_foreign_authorities pfa
                        JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
                        JOIN ref_countries rc ON rc.code = fa.country_code
                       WHERE pfa.partnership_id = pa.id AND ${allOf(sideFilters)})`
        : null,
      frenchFilters.length > 0
        ? sql`EXISTS (SELECT 1 FROM atlas_partnership_collectivites pc
                        JOIN ${collectivites} c ON c.id = pc.collectivite_id
                       WHERE pc.partnership_id = pa.id AND ${allOf(frenchFilters)})`
        : null,
    ]),
    sql`pa.id`,
    limit + 1,
  );
  return page(rows, limit);
}
