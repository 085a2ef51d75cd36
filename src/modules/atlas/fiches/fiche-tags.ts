import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { collectivites, foreignAuthorities } from "../../register/index";

/**
 * A short fingerprint of everything a project fiche shows: the project's version and the
 * last change of its partnerships, collectivités and foreign partners. It changes with
 * any edit of them, so it can serve as the fiche's ETag; null when the project is unknown.
 */
export async function projectFicheTag(db: Db, projectId: number): Promise<string | null> {
  const [row] = rowsOf<{ tag: string }>(
    await db.execute(sql`
      SELECT concat_ws('-', p.id, p.version, floor(extract(epoch FROM greatest(
               p.updated_at,
               (SELECT max(greatest(pa.updated_at, c.updated_at, fa.updated_at))
                  FROM atlas_project_partnerships pp
                  JOIN atlas_partnerships pa ON pa.id = pp.partnership_id
                  LEFT JOIN atlas_partnership_collectivites pc ON pc.partnership_id = pa.id
                  LEFT JOIN ${collectivites} c ON c.id = pc.collectivite_id
                  LEFT JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pa.id
                  LEFT JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
                 WHERE pp.project_id = p.id))) * 1000)) AS tag
        FROM atlas_projects p WHERE p.id = ${projectId}`),
  );
  return row?.tag ?? null;
}
