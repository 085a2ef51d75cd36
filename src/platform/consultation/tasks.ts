import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../db/client";
import { scopeCondition } from "../policy";
import type { Task, TaskProvider } from "../tasks";
import type { ConsultationKind } from "./kind";

/**
 * "Rendre un avis": the records on which one of the reader's organisations was asked an
 * opinion still unanswered and open, the earliest due date first.
 */
export function opinionTasks(kind: ConsultationKind): TaskProvider {
  return async (q: Queryable, actor) => {
    if (actor.kind !== "user") return [];
    const rows = rowsOf<{ subject_id: number; due_on: string }>(
      await q.execute(sql`
        SELECT c.subject_id, min(c.due_on)::text AS due_on FROM consultations c
         WHERE c.subject_type = ${kind.subjectType} AND c.verdict IS NULL
           AND c.revoked_at IS NULL AND c.closed_at IS NULL
           AND ${scopeCondition(actor, kind.answerAction, { organisationIds: sql`ARRAY[c.organisation_id]` })}
         GROUP BY c.subject_id ORDER BY 2, 1`),
    );
    const described = await kind.describe(
      q,
      rows.map((row) => row.subject_id),
    );
    return rows.flatMap((row): Task[] => {
      const about = described.get(row.subject_id);
      return about
        ? [
            {
              module: kind.module,
              action: `Rendre un avis sur ${kind.theNoun}`,
              title: about.title,
              href: about.href,
              detail: about.from,
              dueOn: row.due_on,
            },
          ]
        : [];
    });
  };
}
