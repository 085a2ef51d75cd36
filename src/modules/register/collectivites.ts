import { type SQL, eq, inArray, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../platform/db/client";
import { collectivites } from "./schema";

/** A collectivité of the register with its organisation and région: who owns a record. */
export async function collectiviteOwner(q: Queryable, collectiviteId: number) {
  const [row] = await q
    .select({
      id: collectivites.id,
      name: collectivites.name,
      organisationId: collectivites.organisationId,
      regionCode: collectivites.regionCode,
    })
    .from(collectivites)
    .where(eq(collectivites.id, collectiviteId));
  return row ?? null;
}

/**
 * A collectivité's name as a list shows it: with its département when another collectivité
 * bears the same name ("Saint-Denis (Seine-Saint-Denis)", "Saint-Denis (La Réunion)").
 * `alias` is the register table's alias in the query's own text.
 */
export function collectiviteLabel(alias: string): SQL<string> {
  const c = sql.raw(alias);
  return sql<string>`${c}.name || CASE WHEN EXISTS (
      SELECT 1 FROM register_collectivites homonym
       WHERE homonym.name = ${c}.name AND homonym.id <> ${c}.id AND homonym.replaced_by_id IS NULL)
    THEN ' (' || coalesce((SELECT d.name FROM ref_territorial_units d
                            WHERE d.kind = 'departement' AND d.code = ${c}.departement_code),
                          ${c}.departement_code, '') || ')'
    ELSE '' END`;
}

/** The names of collectivités by id (the filters of a search name what they keep). */
export async function collectiviteNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: collectivites.id, name: collectiviteLabel("register_collectivites") })
    .from(collectivites)
    .where(inArray(collectivites.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
