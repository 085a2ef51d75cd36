import { and, asc, eq } from "drizzle-orm";
import { systemActor } from "../audit/audit";
import { organisations } from "../auth/schema";
import type { Queryable } from "../db/client";
import { workflowEvents } from "./schema";

export interface HistoryEntry {
  id: number;
  at: Date;
  event: string;
  /** The event as the history names it ("Publication", "Renvoi pour correction"…). */
  label: string;
  fromStatus: string;
  toStatus: string;
  /** The person's label, kept for the journal; pages show `by`. */
  actorLabel: string;
  /** Who moved the record, as readers may see it: an organisation, never a person. */
  by: string;
  reason: string | null;
}

/** A record's history in the order its events happened: what its history section shows. */
export async function recordHistory(
  q: Queryable,
  workflow: { name: string; events: Record<string, { label: string }> },
  recordId: number,
): Promise<HistoryEntry[]> {
  const rows = await q
    .select({ event: workflowEvents, organisation: organisations.name })
    .from(workflowEvents)
    .leftJoin(organisations, eq(organisations.id, workflowEvents.organisationId))
    .where(and(eq(workflowEvents.workflow, workflow.name), eq(workflowEvents.recordId, recordId)))
    .orderBy(asc(workflowEvents.id));
  return rows.map(({ event, organisation }) => ({
    id: event.id,
    at: event.at,
    event: event.event,
    label: workflow.events[event.event]?.label ?? event.event,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorLabel: event.actorLabel,
    by:
      organisation ??
      (event.actorUserId === null && event.actorLabel === systemActor.label
        ? "Portail AECT (automatique)"
        : event.actorLabel),
    reason: event.reason,
  }));
}
