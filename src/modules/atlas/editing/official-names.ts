import { sql } from "drizzle-orm";
import { changing } from "../../../platform/changes";
import { type Db, rowsOf } from "../../../platform/db/client";
import { writeOfficialNames } from "../../register/index";
import { refreshProjectIndex } from "../project-index";

/**
 * Collectivités take the name they sign with as the official reference gives it, once the
 * reference tables were reloaded (a unit renamed, an article corrected: "Département du
 * Finistère", formerly written "Département de Finistère"); the search rows and export
 * lines of their projects are rebuilt in the same transaction. Returns how many changed.
 */
export async function applyOfficialNames(db: Db): Promise<number> {
  return changing(db, "atlas", async (tx) => {
    const renamed = await writeOfficialNames(tx);
    if (renamed.length === 0) return 0;
    const projects = rowsOf<{ id: number }>(
      await tx.execute(sql`
        SELECT project_id AS id FROM atlas_project_index
         WHERE collectivites && ${`{${renamed.join(",")}}`}::int[]`),
    ).map((row) => row.id);
    for (let start = 0; start < projects.length; start += 5_000)
      await refreshProjectIndex(tx, { ids: projects.slice(start, start + 5_000) });
    return renamed.length;
  });
}
