import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { type AtlasLabels, atlasLabels } from "../labels";
import type { ImportKind } from "./import-schema";
import { codeLookup, comparable } from "./lookups";
import { collectivites, foreignAuthorities } from "../../register/index";

/** What checking the rows of a file needs to know of the database, read once per import. */
export interface ImportContext {
  labels: AtlasLabels;
  /** Atlas collectivités by territorial unit id ("commune:35238"). */
  collectiviteByUnit: Map<string, number>;
  /** Partnerships of a collectivité with an authority: key `collectiviteId|authority name`. */
  partnershipsByAuthority: Map<string, number[]>;
  /** Existing foreign authorities: key `country|name`. */
  authorityByName: Map<string, number>;
  /** Existing partnerships: key `collectiviteId|authorityId|kind`. */
  existingPartnerships: Map<string, number>;
  /** Most populated city of each name: key `country|name`. */
  cityByName: Map<string, { id: number; latitude: number; longitude: number }>;
  country: (value: string) => string | undefined;
}

export const unitIdOf = (row: Record<string, string>) =>
  `${comparable(row.type_collectivite ?? "")}:${(row.code_collectivite ?? "").trim().toUpperCase()}`;

const idList = (ids: (string | number)[]) =>
  sql.join(
    (ids.length ? ids : [-1]).map((id) => sql`${id}`),
    sql`, `,
  );

export async function loadImportContext(
  q: Db,
  kind: ImportKind,
  rows: Record<string, string>[],
): Promise<ImportContext> {
  const labels = await atlasLabels(q);
  const countryByText = codeLookup(labels.partnerCountry);
  const country = (value: string) =>
    /^[a-z]{2}$/i.test(value.trim()) && labels.partnerCountry.has(value.trim().toUpperCase())
      ? value.trim().toUpperCase()
      : countryByText(value);

  const unitIds = [...new Set(rows.map(unitIdOf))];
  const collectiviteRows = rowsOf<{ id: number; unit_id: string }>(
    await q.execute(
      sql`SELECT id, unit_id FROM ${collectivites} WHERE unit_id IN (${idList(unitIds)})`,
    ),
  );
  const collectiviteByUnit = new Map(collectiviteRows.map((row) => [row.unit_id, row.id]));
  const collectiviteIds = collectiviteRows.map((row) => row.id);

  const links = rowsOf<{
    partnership_id: number;
    collectivite_id: number;
    authority_id: number;
    authority_name: string;
    country_code: string;
    kind: string;
  }>(
    await q.execute(sql`
      SELECT pc.partnership_id, pc.collectivite_id, fa.id AS authority_id,
             fa.name AS authority_name, fa.country_code, pa.kind
        FROM atlas_partnership_collectivites pc
        JOIN atlas_partnerships pa ON pa.id = pc.partnership_id
        JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pc.partnership_id
        JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
       WHERE pc.collectivite_id IN (${idList(collectiviteIds)})`),
  );
  const partnershipsByAuthority = new Map<string, number[]>();
  const existingPartnerships = new Map<string, number>();
  for (const link of links) {
    const key = `${link.collectivite_id}|${comparable(link.authority_name)}`;
    partnershipsByAuthority.set(key, [
      ...(partnershipsByAuthority.get(key) ?? []),
      link.partnership_id,
    ]);
    existingPartnerships.set(
      `${link.collectivite_id}|${link.authority_id}|${link.kind}`,
      link.partnership_id,
    );
  }

  const authorityByName = new Map<string, number>();
  const cityByName = new Map<string, { id: number; latitude: number; longitude: number }>();
  if (kind === "partnerships") {
    const countries = [
      ...new Set(rows.map((row) => country(row.pays ?? "")).filter((code) => code !== undefined)),
    ];
    const authorities = rowsOf<{ id: number; name: string; country_code: string }>(
      await q.execute(sql`
        SELECT id, name, country_code FROM ${foreignAuthorities}
         WHERE country_code IN (${idList(countries)})`),
    );
    for (const authority of authorities)
      authorityByName.set(`${authority.country_code}|${comparable(authority.name)}`, authority.id);
    const cities = rowsOf<{
      id: number;
      name: string;
      country_code: string;
      latitude: number;
      longitude: number;
    }>(
      await q.execute(sql`
        SELECT id, name, country_code, latitude, longitude FROM ref_cities
         WHERE country_code IN (${idList(countries)}) ORDER BY population ASC`),
    );
    // Ascending population: the most populated city of a name is written last and kept.
    for (const city of cities)
      cityByName.set(`${city.country_code}|${comparable(city.name)}`, {
        id: city.id,
        latitude: city.latitude,
        longitude: city.longitude,
      });
  }
  return {
    labels,
    collectiviteByUnit,
    partnershipsByAuthority,
    authorityByName,
    existingPartnerships,
    cityByName,
    country,
  };
}
