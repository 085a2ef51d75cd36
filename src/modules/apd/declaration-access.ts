import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { Queryable, Tx } from "../../platform/db/client";
import { Conflict, Invalid, NotFound } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { collectiviteOwner } from "../atlas";
import { canEdit } from "./declaration-machine";
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
export async function lockForChange(
  tx: Tx,
  actor: Actor,
  declarationId: number,
  version: string | undefined,
) {
  const loaded = await loadDeclaration(tx, actor, declarationId, "apd:declare", { lock: true });
  if (!canEdit(loaded.campaign))
    throw new Invalid(
      {
        declaration:
          "La campagne de cette année est clôturée : la déclaration ne peut plus être modifiée.",
      },
      "La campagne de cette année est clôturée.",
    );
  if (version !== undefined && Number(version) !== loaded.declaration.version)
    throw new Conflict(
      "La déclaration a été modifiée depuis que vous avez ouvert cette page (dans un autre onglet ou par un collègue) : rien n'a été enregistré. Vérifiez la déclaration ci-dessous ; ce que vous aviez saisi est conservé dans le formulaire.",
    );
  return loaded;
}

/** Records that the working copy changed: new version, to be submitted again. */
export async function touchDeclaration(tx: Tx, declarationId: number) {
  await tx
    .update(apdDeclarations)
    .set({ version: sql`${apdDeclarations.version} + 1`, hasChanges: true, updatedAt: new Date() })
    .where(eq(apdDeclarations.id, declarationId));
}
