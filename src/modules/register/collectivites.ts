import { eq, inArray } from "drizzle-orm";
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

/** The names of collectivités by id (the filters of a search name what they keep). */
export async function collectiviteNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: collectivites.id, name: collectivites.name })
    .from(collectivites)
    .where(inArray(collectivites.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
