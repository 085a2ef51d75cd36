import type { Queryable } from "../db/client";
import { auditLog } from "./schema";

/** Who is acting, as recorded in the audit log. */
export interface AuditActor {
  userId: number | null;
  label: string;
}

export const systemActor: AuditActor = { userId: null, label: "Système" };

type Snapshot = Record<string, unknown> | null;

/** Keeps only the fields that differ, so the journal shows what changed. */
export function changedFields(
  before: Snapshot,
  after: Snapshot,
): { before: Snapshot; after: Snapshot } {
  if (!before || !after) return { before, after };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}

// Secrets never reach the journal.
const REDACTED_FIELDS = new Set(["passwordHash", "tokenHash", "csrfSecret"]);

function redact(snapshot: Snapshot): Snapshot {
  if (!snapshot) return snapshot;
  return Object.fromEntries(
    Object.entries(snapshot).map(([key, value]) => [
      key,
      REDACTED_FIELDS.has(key) ? "[masqué]" : value,
    ]),
  );
}

/** Records a change of a shared record; call it inside the transaction of the change. */
export async function recordChange(
  q: Queryable,
  actor: AuditActor,
  change: {
    operation: "create" | "update" | "delete";
    entityType: string;
    entityId: string | number;
    before?: Snapshot;
    after?: Snapshot;
  },
): Promise<void> {
  const { before, after } = changedFields(
    redact(change.before ?? null),
    redact(change.after ?? null),
  );
  await q.insert(auditLog).values({
    actorUserId: actor.userId,
    actorLabel: actor.label,
    operation: change.operation,
    entityType: change.entityType,
    entityId: String(change.entityId),
    before,
    after,
  });
}
