import { sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { parisDay } from "../../platform/french-format";
import { membershipsHolding, scopeCondition } from "../../platform/policy";
import type { Task } from "../../platform/tasks";
import { collectivites } from "../register/index";
import { frenchOrder } from "../../platform/db/french-order";

interface Row {
  id: number;
  title: string;
  detail: string;
  due_on: string | null;
}

const MODULE = "e-APD";

const asTasks = (rows: Row[], action: string, href: (id: number) => string): Task[] =>
  rows.map((row) => ({
    module: MODULE,
    action,
    title: row.title,
    href: href(row.id),
    detail: row.detail,
    dueOn: row.due_on,
  }));

/**
 * The e-APD's tasks: each collectivité of the person declares its aid while a campaign is
 * open, and corrects a declaration sent back; the DAECT examines the declarations sent.
 */
export async function apdTasks(q: Queryable, actor: Actor, now = new Date()): Promise<Task[]> {
  const today = parisDay(now);
  const tasks: Task[] = [];
  if (membershipsHolding(actor, "apd:declare", { ownOnly: true }).length > 0) {
    const own = scopeCondition(
      actor,
      "apd:declare",
      { organisationId: sql`c.organisation_id` },
      { ownOnly: true },
    );
    const toDeclare = rowsOf<Row>(
      await q.execute(sql`
        SELECT c.id, 'Déclaration ' || k.year AS title,
               c.name || ' – ' || CASE WHEN d.id IS NULL THEN 'non commencée' ELSE 'brouillon à transmettre' END AS detail,
               k.closes_on::text AS due_on
          FROM apd_campaigns k
          CROSS JOIN ${collectivites} c
          LEFT JOIN apd_declarations d ON d.campaign_id = k.id AND d.collectivite_id = c.id
         WHERE k.closed_at IS NULL AND k.opens_on <= ${today}::date AND ${own}
           AND (d.id IS NULL OR d.status = 'draft')
         ORDER BY k.closes_on, ${frenchOrder("c.name")}`),
    );
    tasks.push(
      ...asTasks(
        toDeclare,
        "Déclarer l'aide publique au développement",
        (id) => `/apd/collectivites/${id}`,
      ),
    );
    const returned = rowsOf<Row>(
      await q.execute(sql`
        SELECT d.id, 'Déclaration ' || d.year AS title,
               c.name || ' – renvoyée pour correction' AS detail, k.closes_on::text AS due_on
          FROM apd_declarations d
          JOIN apd_campaigns k ON k.id = d.campaign_id AND k.closed_at IS NULL
          JOIN ${collectivites} c ON c.id = d.collectivite_id
         WHERE d.status = 'returned' AND ${own}
         ORDER BY d.id`),
    );
    tasks.push(...asTasks(returned, "Corriger la déclaration", (id) => `/apd/declarations/${id}`));
  }
  if (membershipsHolding(actor, "apd:review").length > 0) {
    const toReview = rowsOf<Row>(
      await q.execute(sql`
        SELECT d.id, 'Déclaration ' || d.year AS title, c.name AS detail, NULL AS due_on
          FROM apd_declarations d
          JOIN ${collectivites} c ON c.id = d.collectivite_id
         WHERE d.status = 'submitted'
           AND ${scopeCondition(actor, "apd:review", { organisationId: sql`c.organisation_id` })}
         ORDER BY d.updated_at, d.id`),
    );
    tasks.push(...asTasks(toReview, "Examiner la déclaration", (id) => `/apd/declarations/${id}`));
  }
  return tasks;
}
