import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db/client";
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
