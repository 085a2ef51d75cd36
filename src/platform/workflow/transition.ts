import { eq } from "drizzle-orm";
import { type AuditActor, recordChange, systemActor } from "../audit/audit";
import { auditActorOf } from "../auth/actor";
import type { Tx } from "../db/client";
import { Forbidden, Invalid, NotFound, Unauthenticated } from "../errors";
import { actingMembership } from "../policy";
import type { Initiator, Workflow, WorkflowRow } from "./define";
import { workflowEvents } from "./schema";
import { assertVersion } from "./versions";

export interface TransitionRequest<Row, E extends string> {
  id: number;
  event: E;
  by: Initiator;
  /** The version the person's form was opened on (a job passes the version it read). */
  expectedVersion: unknown;
  /** Why, in the person's words: a refusal's motive, a message to the author. */
  reason?: string | null;
  /** Other columns the event writes along with the status (dates, who decided…). */
  set?: (row: Row, now: Date) => Record<string, unknown>;
  /** What the journal keeps beyond the status change. */
  audit?: Record<string, unknown>;
  publicUrl?: string;
  now?: Date;
}

function auditActorOfInitiator(by: Initiator): AuditActor {
  if ("actor" in by) return auditActorOf(by.actor);
  if ("link" in by) return { userId: null, label: by.link };
  return systemActor;
}

/** Refuses, with the right error, an initiator who may not fire the event on this record. */
async function authorizeEvent<Row extends WorkflowRow<S>, S extends string, E extends string>(
  tx: Tx,
  workflow: Workflow<Row, S, E>,
  row: Row,
  event: E,
  by: Initiator,
): Promise<number | null> {
  const allowed = workflow.events[event].by;
  if ("system" in by) {
    if (allowed.includes("system")) return null;
    throw new Forbidden();
  }
  if ("link" in by) {
    if (allowed.some((action) => action !== "system" && by.grants.includes(action))) return null;
    throw new NotFound(workflow.notFound);
  }
  if (by.actor.kind === "visitor") throw new Unauthenticated();
  const resource = await workflow.resource(tx, row);
  for (const action of allowed) {
    if (action === "system") continue;
    const membership = actingMembership(by.actor, action, resource);
    if (membership) return membership.organisationId;
  }
  throw new Forbidden();
}

/**
 * The only way a status changes. In the caller's transaction: locks the record, checks the
 * policy, the state, the version the form was opened on and the event's guard, then writes
 * the new status and version, the event row, the audit entry and the event's mails.
 * Nothing is written when any check fails.
 */
export async function transition<Row extends WorkflowRow<S>, S extends string, E extends string>(
  tx: Tx,
  workflow: Workflow<Row, S, E>,
  request: TransitionRequest<Row, E>,
): Promise<{ before: Row; after: Row }> {
  const now = request.now ?? new Date();
  const table = workflow.table;
  const [before] = (await tx
    .select()
    .from(table)
    .where(eq(table.id, request.id))
    .for("update")) as Row[];
  if (!before) throw new NotFound(workflow.notFound);
  const organisationId = await authorizeEvent(tx, workflow, before, request.event, request.by);
  // A state where the event cannot happen is a definite refusal, said before any staleness.
  const rule = workflow.events[request.event];
  const field = rule.field ?? workflow.field;
  if (!rule.from.includes(before.status))
    throw new Invalid({ [field]: rule.refusal }, rule.refusal);
  assertVersion(before, request.expectedVersion, workflow.staleMessage);
  const blocker = rule.guard ? await rule.guard(tx, before, now) : null;
  if (blocker) throw new Invalid({ [field]: blocker }, blocker);

  const to = rule.to === "same" ? before.status : rule.to;
  const [after] = (await tx
    .update(table)
    .set({
      ...(request.set?.(before, now) ?? {}),
      status: to,
      version: before.version + 1,
      ...("updatedAt" in table ? { updatedAt: now } : {}),
    })
    .where(eq(table.id, request.id))
    .returning()) as Row[];
  const who = auditActorOfInitiator(request.by);
  const reason = request.reason?.trim() || null;
  await tx.insert(workflowEvents).values({
    workflow: workflow.name,
    recordId: request.id,
    event: request.event,
    fromStatus: before.status,
    toStatus: to,
    actorUserId: who.userId,
    actorLabel: who.label,
    organisationId,
    reason,
    at: now,
  });
  await recordChange(tx, who, {
    operation: "update",
    entityType: workflow.name,
    entityId: request.id,
    before: { status: before.status, version: before.version },
    after: { status: to, version: after.version, event: request.event, reason, ...request.audit },
  });
  await rule.mail?.({
    tx,
    before,
    after,
    event: request.event,
    by: request.by,
    reason,
    publicUrl: request.publicUrl ?? "",
    now,
  });
  return { before, after };
}
