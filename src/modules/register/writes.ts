import { and, eq, inArray, ne } from "drizzle-orm";
import { organisations } from "../../platform/auth/schema";
import type { Tx } from "../../platform/db/client";
import { territorialUnits } from "../../reference/schema";
import { type ForeignAuthorityKind, collectiviteNameOf } from "./codes";
import { collectivites, foreignAuthorities } from "./schema";

/**
 * The register's rows change only here, inside the caller's transaction: the Atlas's
 * editing commands check the version and keep the change journal, then write through
 * these (the demo seeder and migrations aside).
 */

/** The public profile a collectivité maintains (contacts, service, presentation…). */
export type CollectiviteProfileFields = Pick<
  typeof collectivites.$inferInsert,
  | "electedOfficialName"
  | "electedOfficialTitle"
  | "contactName"
  | "contactTitle"
  | "contactEmail"
  | "contactPhone"
  | "hasInternationalService"
  | "staffFte"
  | "yearlyBudgetCents"
  | "website"
  | "presentation"
>;

export async function writeCollectiviteProfile(
  tx: Tx,
  id: number,
  profile: Partial<CollectiviteProfileFields>,
  version: number,
) {
  await tx
    .update(collectivites)
    .set({ ...profile, version, updatedAt: new Date() })
    .where(eq(collectivites.id, id));
}

/**
 * Where a foreign authority is: a city of the reference list with its coordinates, or a
 * point placed by hand (no city id) when the list does not know its city.
 */
export interface AuthorityPlace {
  id: number | null;
  latitude: number | null;
  longitude: number | null;
}

export async function writeForeignAuthority(
  tx: Tx,
  id: number,
  fields: { name: string; kind: ForeignAuthorityKind; city: AuthorityPlace | null },
  version: number,
) {
  const { name, kind, city } = fields;
  await tx
    .update(foreignAuthorities)
    .set({
      name,
      kind,
      ...(city ? { cityId: city.id, latitude: city.latitude, longitude: city.longitude } : {}),
      version,
      updatedAt: new Date(),
    })
    .where(eq(foreignAuthorities.id, id));
}

/** A foreign authority new to the register (from an imported partnership): its id. */
export async function addForeignAuthority(
  tx: Tx,
  authority: {
    name: string;
    kind: ForeignAuthorityKind;
    countryCode: string;
    city: AuthorityPlace | null;
  },
): Promise<number> {
  const { name, kind, countryCode, city } = authority;
  const [created] = await tx
    .insert(foreignAuthorities)
    .values({
      name,
      kind,
      countryCode,
      cityId: city?.id ?? null,
      latitude: city?.latitude ?? null,
      longitude: city?.longitude ?? null,
    })
    .returning({ id: foreignAuthorities.id });
  return created.id;
}

/**
 * The portal organisation of a register entry, created the first time someone of it gets
 * an account: a collectivité's carries its official unit and région, an authority's its
 * country. Returns its id.
 */
export async function organisationOfEntry(
  tx: Tx,
  entry: { collectiviteId: number } | { authorityId: number },
): Promise<number> {
  if ("collectiviteId" in entry) {
    const [row] = await tx
      .select()
      .from(collectivites)
      .where(eq(collectivites.id, entry.collectiviteId))
      .for("update");
    if (row.organisationId) return row.organisationId;
    const [created] = await tx
      .insert(organisations)
      .values({
        kind: "collectivite",
        name: row.name,
        unitId: row.unitId,
        regionCode: row.regionCode,
      })
      .returning({ id: organisations.id });
    await tx
      .update(collectivites)
      .set({ organisationId: created.id })
      .where(eq(collectivites.id, row.id));
    return created.id;
  }
  const [row] = await tx
    .select()
    .from(foreignAuthorities)
    .where(eq(foreignAuthorities.id, entry.authorityId))
    .for("update");
  if (row.organisationId) return row.organisationId;
  const [created] = await tx
    .insert(organisations)
    .values({ kind: "foreign_authority", name: row.name, countryCode: row.countryCode })
    .returning({ id: organisations.id });
  await tx
    .update(foreignAuthorities)
    .set({ organisationId: created.id })
    .where(eq(foreignAuthorities.id, row.id));
  return created.id;
}

/**
 * A collectivité not yet in the register, added from the official reference data by its
 * unit ("commune:29019", "epci:243500139"…): its name as it signs, its région and
 * département. Returns its entry, or null when the reference has no such unit.
 */
export async function collectiviteFromReference(tx: Tx, unitId: string) {
  const [unit] = await tx.select().from(territorialUnits).where(eq(territorialUnits.id, unitId));
  if (!unit) return null;
  await tx
    .insert(collectivites)
    .values({
      unitId,
      kind: unit.kind,
      name: collectiviteNameOf(unit.kind, unit.name, unit.tncc),
      regionCode: unit.kind === "region" ? unit.code : unit.regionCode,
      departementCode: unit.kind === "departement" ? unit.code : unit.departementCode,
    })
    .onConflictDoNothing({ target: collectivites.unitId });
  const [entry] = await tx.select().from(collectivites).where(eq(collectivites.unitId, unitId));
  return entry;
}

/**
 * A commune nouvelle replaces its former communes: their entries point to it and leave
 * the lists. Returns the ids of the former entries found in the register (their Atlas
 * partnerships are then handed over by the Atlas).
 */
export async function replaceByCommuneNouvelle(
  tx: Tx,
  communeNouvelleId: number,
  formerUnitIds: readonly string[],
): Promise<number[]> {
  if (formerUnitIds.length === 0) return [];
  const replaced = await tx
    .update(collectivites)
    .set({ replacedById: communeNouvelleId, updatedAt: new Date() })
    .where(
      and(
        inArray(collectivites.unitId, [...formerUnitIds]),
        ne(collectivites.id, communeNouvelleId),
      ),
    )
    .returning({ id: collectivites.id });
  return replaced.map((row) => row.id);
}

/**
 * Collectivités and their organisations take the name the official reference gives them
 * (a unit renamed, an article corrected: "Département du Finistère"). Returns the ids of
 * those renamed, whose other records the caller brings up to date.
 */
export async function writeOfficialNames(tx: Tx): Promise<number[]> {
  const rows = await tx
    .select({
      id: collectivites.id,
      kind: collectivites.kind,
      name: collectivites.name,
      organisationId: collectivites.organisationId,
      unitName: territorialUnits.name,
      tncc: territorialUnits.tncc,
    })
    .from(collectivites)
    .innerJoin(territorialUnits, eq(territorialUnits.id, collectivites.unitId));
  const renamed = rows
    .map((row) => ({ ...row, official: collectiviteNameOf(row.kind, row.unitName, row.tncc) }))
    .filter((row) => row.official !== row.name);
  for (const row of renamed) {
    await tx.update(collectivites).set({ name: row.official }).where(eq(collectivites.id, row.id));
    if (row.organisationId !== null)
      await tx
        .update(organisations)
        .set({ name: row.official })
        .where(eq(organisations.id, row.organisationId));
  }
  return renamed.map((row) => row.id);
}
