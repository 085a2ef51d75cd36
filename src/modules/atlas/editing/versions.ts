import { and, desc, eq } from "drizzle-orm";
import { type AuditActor, changedFields, recordChange } from "../../../platform/audit/audit";
import type { Queryable, Tx } from "../../../platform/db/client";
import { Invalid, StaleVersion } from "../../../platform/errors";
import { type VersionedEntity, atlasVersions } from "./editing-schema";

export type Snapshot = Record<string, unknown>;
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The fields that differ between two snapshots, each with its old and new value. */
export function snapshotChanges(before: Snapshot | null, after: Snapshot): Changes {
  const changed = changedFields(before, after);
  const keys = Object.keys(changed.after ?? {});
  return Object.fromEntries(
    keys.map((key) => [
      key,
      { before: changed.before?.[key] ?? null, after: changed.after?.[key] },
    ]),
  );
}

/** The version an edit form was opened on, sent back in its hidden field `version`. */
export function sentVersion(values: Record<string, unknown>): number {
  const version = values.version;
  if (typeof version !== "string" || !/^\d{1,9}$/.test(version))
    throw new Invalid(
      { version: "La version de la fiche est absente : rechargez la page de modification." },
      "Le formulaire est incomplet.",
    );
  return Number(version);
}

/**
 * Stops a save made from an outdated form (`sent.version` is the version the form was
 * opened on). Called with the record's row locked, so two saves cannot both pass.
 */
export async function assertCurrentVersion(
  q: Queryable,
  entityType: VersionedEntity,
  entityId: number,
  stored: { version: number; snapshot: Snapshot },
  sent: { version: number; snapshot: Snapshot },
): Promise<void> {
  if (stored.version === sent.version) return;
  const last = await lastVersion(q, entityType, entityId);
  throw new StaleVersion({
    version: stored.version,
    snapshot: stored.snapshot,
    changedBy: last?.actorLabel ?? null,
    changedAt: last?.createdAt ?? null,
    typed: sent.snapshot,
  });
}

/** Keeps the new version of a record and writes the same change to the audit journal. */
export async function recordVersion(
  tx: Tx,
  actor: AuditActor,
  entry: {
    entityType: VersionedEntity;
    entityId: number;
    version: number;
    before: Snapshot | null;
    after: Snapshot;
    changes: Changes;
  },
): Promise<void> {
  await tx.insert(atlasVersions).values({
    entityType: entry.entityType,
    entityId: entry.entityId,
    version: entry.version,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    snapshot: entry.after,
    changes: entry.changes,
  });
  await recordChange(tx, actor, {
    operation: entry.before ? "update" : "create",
    entityType: `atlas_${entry.entityType}`,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  });
}

export async function lastVersion(q: Queryable, entityType: VersionedEntity, entityId: number) {
  const [row] = await q
    .select()
    .from(atlasVersions)
    .where(and(eq(atlasVersions.entityType, entityType), eq(atlasVersions.entityId, entityId)))
    .orderBy(desc(atlasVersions.version))
    .limit(1);
  return row ?? null;
}

/** Every saved version of a record, newest first. */
export function listVersions(q: Queryable, entityType: VersionedEntity, entityId: number) {
  return q
    .select({
      version: atlasVersions.version,
      actorLabel: atlasVersions.actorLabel,
      changes: atlasVersions.changes,
      createdAt: atlasVersions.createdAt,
    })
    .from(atlasVersions)
    .where(and(eq(atlasVersions.entityType, entityType), eq(atlasVersions.entityId, entityId)))
    .orderBy(desc(atlasVersions.version));
}
