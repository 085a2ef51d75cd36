import { sql } from "drizzle-orm";
import { type AuditActor, recordChange } from "../../../platform/audit/audit";
import { type Tx, rowsOf } from "../../../platform/db/client";
import { inList } from "../../../platform/db/conditions";
import { refreshProjectIndex } from "../project-index";
import { applyPartnerFigures } from "../statistics/partner-figures";

/**
 * A commune nouvelle takes over the Atlas of the communes it replaces: their partnerships
 * become its own and it leads their projects; the search rows of those projects are
 * rebuilt. Called in the transaction that records the merger in the register.
 */
export async function handOverToCommuneNouvelle(
  tx: Tx,
  by: AuditActor,
  { formerIds, communeNouvelleId }: { formerIds: readonly number[]; communeNouvelleId: number },
) {
  if (formerIds.length === 0) return { partnerships: 0, projects: 0 };
  const former = inList(sql`collectivite_id`, [...formerIds]);
  const projects = rowsOf<{ id: number }>(
    await tx.execute(sql`
      SELECT pp.project_id AS id FROM atlas_project_partnerships pp
        JOIN atlas_partnership_collectivites pc ON pc.partnership_id = pp.partnership_id
       WHERE ${inList(sql`pc.collectivite_id`, [...formerIds])}
      UNION
      SELECT id FROM atlas_projects WHERE ${inList(sql`lead_collectivite_id`, [...formerIds])}`),
  ).map((row) => row.id);
  const moved = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT DISTINCT partnership_id AS id FROM atlas_partnership_collectivites
                          WHERE ${former}`),
  ).map((row) => row.id);
  await applyPartnerFigures(tx, moved, -1);
  const partnerships = rowsOf<{ partnership_id: number }>(
    await tx.execute(sql`
      INSERT INTO atlas_partnership_collectivites (partnership_id, collectivite_id)
      SELECT DISTINCT partnership_id, ${communeNouvelleId}::int FROM atlas_partnership_collectivites
       WHERE ${former}
      ON CONFLICT DO NOTHING
      RETURNING partnership_id`),
  );
  await tx.execute(sql`DELETE FROM atlas_partnership_collectivites WHERE ${former}`);
  await applyPartnerFigures(tx, moved, 1);
  await tx.execute(sql`
    UPDATE atlas_projects SET lead_collectivite_id = ${communeNouvelleId}
     WHERE ${inList(sql`lead_collectivite_id`, [...formerIds])}`);
  await refreshProjectIndex(tx, { ids: projects });
  await recordChange(tx, by, {
    operation: "update",
    entityType: "collectivite",
    entityId: communeNouvelleId,
    before: { communesRemplacees: formerIds },
    after: { partenariatsRepris: partnerships.length, projetsRepris: projects.length },
  });
  return { partnerships: partnerships.length, projects: projects.length };
}
