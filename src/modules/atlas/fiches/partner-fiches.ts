import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import {
  atlasLabels,
  collectiviteKindLabels,
  foreignAuthorityKindLabels,
  partnershipStatusLabels,
} from "../labels";
import { collectivites, foreignAuthorities } from "../../register/index";
import { frenchOrder } from "../../../platform/db/french-order";

/** A partnership as fiches and the API list it: both sides' names, kind, date, status. */
export interface PartnershipLine {
  id: number;
  kind: string;
  kindLabel: string;
  signedOn: string | null;
  status: string;
  statusLabel: string;
  collectivites: { id: number; name: string }[];
  authorities: { id: number; name: string; countryCode: string }[];
}

/** Partnerships matching a condition over `atlas_partnerships pa`, in the order given. */
export async function partnershipLines(
  db: Db,
  where: SQL,
  order: SQL = sql`pa.signed_on DESC NULLS LAST, pa.id`,
  limit = 500,
): Promise<PartnershipLine[]> {
  const labels = await atlasLabels(db);
  const rows = rowsOf<Omit<PartnershipLine, "kindLabel" | "statusLabel">>(
    await db.execute(sql`
      SELECT pa.id, pa.kind, pa.signed_on::text AS "signedOn", pa.status,
             (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY ${frenchOrder("c.name")}), '[]')
                FROM atlas_partnership_collectivites pc
                JOIN ${collectivites} c ON c.id = pc.collectivite_id
               WHERE pc.partnership_id = pa.id) AS collectivites,
             (SELECT coalesce(json_agg(json_build_object('id', fa.id, 'name', fa.name,
                                                         'countryCode', fa.country_code)
                                       ORDER BY ${frenchOrder("fa.name")}), '[]')
                FROM atlas_partnership_foreign_authorities pfa
                JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
               WHERE pfa.partnership_id = pa.id) AS authorities
        FROM atlas_partnerships pa
       WHERE ${where}
       ORDER BY ${order}
       LIMIT ${limit}`),
  );
  return rows.map((row) => ({
    ...row,
    kindLabel: labels.partnershipKind.get(row.kind) ?? row.kind,
    statusLabel: partnershipStatusLabels[row.status] ?? row.status,
  }));
}

export async function collectiviteFiche(db: Db, collectiviteId: number) {
  const [collectivite] = rowsOf<{
    id: number;
    name: string;
    kind: string;
    regionCode: string | null;
    departementCode: string | null;
    website: string | null;
    presentation: string | null;
    electedOfficialName: string | null;
    electedOfficialTitle: string | null;
    hasInternationalService: boolean;
    staffFte: string | null;
    organisationId: number | null;
    /** INSEE code (commune, département, région) or SIREN (intercommunalité). */
    code: string | null;
    population: number | null;
  }>(
    await db.execute(sql`
      SELECT c.id, c.name, c.kind, c.organisation_id AS "organisationId",
             c.region_code AS "regionCode", c.departement_code AS "departementCode",
             c.website, c.presentation, c.elected_official_name AS "electedOfficialName",
             c.elected_official_title AS "electedOfficialTitle",
             c.has_international_service AS "hasInternationalService", c.staff_fte AS "staffFte",
             u.code, u.population
        FROM ${collectivites} c LEFT JOIN ref_territorial_units u ON u.id = c.unit_id
       WHERE c.id = ${collectiviteId}`),
  );
  if (!collectivite) throw new NotFound("Cette collectivité n'est pas présente dans l'Atlas.");
  const labels = await atlasLabels(db);
  const partnerships = await partnershipLines(
    db,
    sql`pa.id IN (SELECT partnership_id FROM atlas_partnership_collectivites WHERE collectivite_id = ${collectiviteId})`,
  );
  const [{ projects }] = rowsOf<{ projects: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS projects FROM atlas_project_index
       WHERE collectivites && ARRAY[${collectiviteId}]::int[]`),
  );
  return {
    ...collectivite,
    kindLabel: collectiviteKindLabels[collectivite.kind] ?? collectivite.kind,
    region: collectivite.regionCode ? (labels.region.get(collectivite.regionCode) ?? null) : null,
    departement: collectivite.departementCode
      ? (labels.departement.get(collectivite.departementCode) ?? null)
      : null,
    partnerships: partnerships.map((line) => ({
      ...line,
      authorities: line.authorities.map((a) => ({
        ...a,
        country: labels.country.get(a.countryCode) ?? a.countryCode,
      })),
    })),
    projects,
  };
}

export async function foreignAuthorityFiche(db: Db, authorityId: number) {
  const [authority] = rowsOf<{
    id: number;
    name: string;
    kind: string;
    countryCode: string;
    city: string | null;
    organisationId: number | null;
  }>(
    await db.execute(sql`
      SELECT fa.id, fa.name, fa.kind, fa.country_code AS "countryCode", c.name AS city,
             fa.organisation_id AS "organisationId"
        FROM ${foreignAuthorities} fa LEFT JOIN ref_cities c ON c.id = fa.city_id
       WHERE fa.id = ${authorityId}`),
  );
  if (!authority) throw new NotFound("Cette autorité locale n'est pas présente dans l'Atlas.");
  const labels = await atlasLabels(db);
  const partnerships = await partnershipLines(
    db,
    sql`pa.id IN (SELECT partnership_id FROM atlas_partnership_foreign_authorities WHERE foreign_authority_id = ${authorityId})`,
  );
  return {
    ...authority,
    kindLabel: foreignAuthorityKindLabels[authority.kind] ?? authority.kind,
    country: labels.country.get(authority.countryCode) ?? authority.countryCode,
    partnerships,
  };
}

export { foreignAuthorityKindLabels } from "../labels";

/** The Atlas fiches of organisations (a collectivité's or a foreign authority's), by organisation. */
export async function atlasFichesOfOrganisations(db: Db, organisationIds: number[]) {
  if (organisationIds.length === 0) return new Map<number, string>();
  const ids = sql.join(
    organisationIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = rowsOf<{ organisation_id: number; href: string }>(
    await db.execute(sql`
      SELECT organisation_id, '/atlas/collectivites/' || id AS href
        FROM ${collectivites} WHERE organisation_id IN (${ids})
      UNION ALL
      SELECT organisation_id, '/atlas/partenaires/' || id
        FROM ${foreignAuthorities} WHERE organisation_id IN (${ids})`),
  );
  return new Map(rows.map((row) => [row.organisation_id, row.href]));
}
