import { eq, sql } from "drizzle-orm";
import { organisations } from "../../../platform/auth/schema";
import { changing } from "../../../platform/changes";
import { type Db, rowsOf } from "../../../platform/db/client";
import { territorialUnits } from "../../../reference/schema";
import { collectiviteNameOf, collectivites } from "../../register/index";
import { refreshProjectIndex } from "../project-index";

/**
 * Collectivités take the name they sign with as the official reference gives it, once the
 * reference tables were reloaded (a unit renamed, an article corrected: "Département du
 * Finistère", formerly written "Département de Finistère"); their organisation follows and
 * the search rows and export lines of their projects are rebuilt. Returns how many changed.
 */
export async function applyOfficialNames(db: Db): Promise<number> {
  const rows = await db
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
  if (renamed.length === 0) return 0;
  await changing(db, "atlas", async (tx) => {
    for (const row of renamed) {
      await tx
        .update(collectivites)
        .set({ name: row.official })
        .where(eq(collectivites.id, row.id));
      if (row.organisationId !== null)
        await tx
          .update(organisations)
          .set({ name: row.official })
          .where(eq(organisations.id, row.organisationId));
    }
    const projects = rowsOf<{ id: number }>(
      await tx.execute(sql`
        SELECT project_id AS id FROM atlas_project_index
         WHERE collectivites && ${`{${renamed.map((row) => row.id).join(",")}}`}::int[]`),
    ).map((row) => row.id);
    for (let start = 0; start < projects.length; start += 5_000)
      await refreshProjectIndex(tx, { ids: projects.slice(start, start + 5_000) });
  });
  return renamed.length;
}
