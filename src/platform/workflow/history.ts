import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { workflowEvents } from "./schema";

export type WorkflowEventRow = typeof workflowEvents.$inferSelect;

/** A record's history, oldest first: what its history page shows. */
export async function recordHistory(
  q: Queryable,
  workflow: { name: string },
  recordId: number,
): Promise<WorkflowEventRow[]> {
  return q
    .select()
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflow, workflow.name), eq(workflowEvents.recordId, recordId)))
    .orderBy(asc(workflowEvents.at), asc(workflowEvents.id));
}
