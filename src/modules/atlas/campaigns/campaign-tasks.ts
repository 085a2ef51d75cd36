import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import { membershipsHolding, scopeCondition } from "../../../platform/policy";
import type { Task } from "../../../platform/tasks";
import { collectivites } from "../../register/index";
import { frenchOrder } from "../../../platform/db/french-order";

/** The Atlas's tasks: each collectivité of the person confirms its data during a campaign. */
export async function atlasTasks(q: Queryable, actor: Actor): Promise<Task[]> {
  if (membershipsHolding(actor, "atlas:collectivite:edit", { ownOnly: true }).length === 0)
    return [];
  const rows = rowsOf<{ id: number; name: string; title: string; due_on: string }>(
    await q.execute(sql`
      SELECT c.id, c.name, k.title, k.closes_on::text AS due_on
        FROM atlas_campaigns k
        JOIN atlas_campaign_collectivites cc ON cc.campaign_id = k.id AND cc.verified_at IS NULL
        JOIN ${collectivites} c ON c.id = cc.collectivite_id
       WHERE k.status = 'open'
         AND ${scopeCondition(
           actor,
           "atlas:collectivite:edit",
           { organisationId: sql`c.organisation_id` },
           { ownOnly: true },
         )}
       ORDER BY k.closes_on, ${frenchOrder("c.name")}`),
  );
  return rows.map((row) => ({
    module: "Atlas",
    action: "Vérifier et confirmer les données de l'Atlas",
    title: row.title,
    href: `/atlas/collectivites/${row.id}`,
    detail: row.name,
    dueOn: row.due_on,
  }));
}
