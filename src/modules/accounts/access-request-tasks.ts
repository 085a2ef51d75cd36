import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { scopeCondition } from "../../platform/policy";
import type { Task, TaskProvider } from "../../platform/tasks";
import { administeredCondition } from "./administrators";

const APPROVE = "accounts:access:approve" as const;

/**
 * The access requests waiting for the reader: those of the organisations it administers;
 * for an organisation without administrator, those the DAECT (any) or the prefecture of the
 * collectivité's région may approve.
 */
export const accessRequestTasks: TaskProvider = async (q: Queryable, actor) => {
  if (actor.kind !== "user") return [];
  const rows = rowsOf<{ id: number; person: string; organisation: string }>(
    await q.execute(sql`
      SELECT r.id, r.given_name || ' ' || r.family_name AS person,
             r.organisation_name AS organisation
        FROM access_requests r
       WHERE r.status = 'pending'
         AND CASE WHEN ${administeredCondition(sql`r.organisation_id`)}
                  THEN ${scopeCondition(actor, APPROVE, { organisationId: sql`r.organisation_id` }, { ownOnly: true })}
                  ELSE ${scopeCondition(actor, APPROVE, { regionCode: sql`r.region_code` })} END
       ORDER BY r.confirmed_at, r.id`),
  );
  return rows.map(
    (row): Task => ({
      module: "Comptes",
      action: "Valider la demande d'accès",
      title: row.person,
      href: `/demandes-acces/${row.id}`,
      detail: row.organisation,
      dueOn: null,
    }),
  );
};
