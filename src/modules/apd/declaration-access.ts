import { eq, sql } from "drizzle-orm";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import type { Queryable, Tx } from "../../platform/db/client";
import { Invalid, NotFound } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { collectiviteOwner } from "../register/index";
import { assertVersion } from "../../platform/workflow/versions";
import { canEdit, declarationWorkflow } from "./declaration-workflow";
import { apdCampaigns, apdDeclarations } from "./schema";

export type DeclarationRow = typeof apdDeclarations.$inferSelect;
export type CampaignRow = typeof apdCampaigns.$inferSelect;

/** A declaration with its campaign and collectivité, read with the actor's right checked. */
export async function loadDeclaration(
  q: Queryable,
  actor: Actor,
  declarationId: number,
  action: "apd:read" | "apd:declare" | "apd:review",
  options: { lock?: boolean } = {},
) {
  const query = q.select().from(apdDeclarations).where(eq(apdDeclarations.id, declarationId));
  const [declaration] = options.lock ? await query.for("update") : await query;
  if (!declaration) throw new NotFound("Cette déclaration n'existe pas.");
  const collectivite = await collectiviteOwner(q, declaration.collectiviteId);
  if (!collectivite) throw new NotFound("Cette déclaration n'existe pas.");
  authorize(actor, action, { organisationId: collectivite.organisationId ?? -1 });
  const [campaign] = await q
    .select()
    .from(apdCampaigns)
    .where(eq(apdCampaigns.id, declaration.campaignId));
  return { declaration, campaign, collectivite };
}

/**
 * Locks a declaration for a change of its working copy: the actor must be allowed to
 * declare for the collectivité, the campaign still open, and the version the form was
 * opened on still current, so nobody overwrites a colleague's change unknowingly.
 */
export async function lockForChange(tx: Tx, actor: Actor, declarationId: number, version: unknown) {
  const loaded = await loadDeclaration(tx, actor, declarationId, "apd:declare", { lock: true });
  if (!canEdit(loaded.campaign))
    throw new Invalid(
      {
        declaration:
          "La campagne de cette année est clôturée : la déclaration ne peut plus être modifiée.",
      },
      "La campagne de cette année est clôturée.",
    );
  assertVersion(loaded.declaration, version, declarationWorkflow.staleMessage);
  return loaded;
}

/**
 * Records that the working copy changed: new version, to be submitted again, and the
 * change in the journal (which lines, what they were, what they became).
 */
export async function touchDeclaration(
  tx: Tx,
  actor: Actor,
  declarationId: number,
  change: { before?: Record<string, unknown>; after: Record<string, unknown> },
) {
  await tx
    .update(apdDeclarations)
    .set({ version: sql`${apdDeclarations.version} + 1`, hasChanges: true, updatedAt: new Date() })
    .where(eq(apdDeclarations.id, declarationId));
  await recordChange(tx, auditActorOf(actor), {
    operation: "update",
    entityType: declarationWorkflow.name,
    entityId: declarationId,
    before: change.before ?? null,
    after: change.after,
  });
}
