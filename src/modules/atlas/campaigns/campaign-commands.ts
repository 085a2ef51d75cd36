import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import type { Db, Tx } from "../../../platform/db/client";
import { Invalid, NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { isoDateField, parseInput, textField } from "../../../platform/validation";
import { campaignCollectivites, campaigns } from "./campaign-schema";
import { type DeadlineRule, type Due, dayOffset } from "../../../platform/deadlines/scheduler";
import { parisDay } from "../../../platform/french-format";
import type { Initiator } from "../../../platform/workflow/define";
import { transition } from "../../../platform/workflow/transition";
import { campaignWorkflow } from "./campaign-workflow";
import { campaignMails } from "./mails";
import { collectiviteAction, collectivites, mailCollectivites } from "../../register/index";

const campaignSchema = (today: Date) =>
  z.object({
    title: textField("Le titre de la campagne", 150),
    message: textField("Le message aux collectivités", 3_000),
    // A campaign runs for weeks: a closing date years ahead is a typing mistake.
    closesOn: isoDateField("La date de clôture", {
      maxYearsAhead: 2,
      earliest: {
        day: dayOffset(today.toISOString().slice(0, 10), 1),
        message: "La date de clôture doit être postérieure à aujourd'hui.",
      },
    }),
  });

/** The collectivités of a campaign, or those that have not confirmed yet. */
const inCampaign = (campaignId: number, onlyUnverified: boolean) =>
  sql`c.id IN (SELECT cc.collectivite_id FROM atlas_campaign_collectivites cc
                WHERE cc.campaign_id = ${campaignId}
                ${onlyUnverified ? sql`AND cc.verified_at IS NULL` : sql``})`;

/**
 * The DAECT opens a campaign: every collectivité of the Atlas is asked, by mail written in
 * the same transaction, to check its data and confirm it.
 */
export async function openCampaign(
  db: Db,
  actor: Actor,
  values: Record<string, string>,
  publicUrl: string,
) {
  authorize(actor, "atlas:campaign:manage");
  const input = parseInput(campaignSchema(new Date()), values);
  const [open] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(isNull(campaigns.closedAt));
  if (open)
    throw new Invalid(
      { title: "Une campagne est déjà ouverte : clôturez-la avant d'en ouvrir une autre." },
      "Une campagne est déjà ouverte.",
    );
  const label = auditActorOf(actor);
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({ ...input, openedByLabel: label.label })
      .returning();
    await tx.execute(sql`
      INSERT INTO atlas_campaign_collectivites (campaign_id, collectivite_id)
      SELECT ${campaign.id}, id FROM ${collectivites}`);
    const asked = await mailCollectivites(tx, inCampaign(campaign.id, false), {
      key: (id, email) => `campaign:${campaign.id}:${id}:${email}`,
      template: "atlas-campaign",
      render: (r) =>
        campaignMails.opened({
          title: input.title,
          message: input.message,
          collectivite: r.name,
          closesOn: input.closesOn,
          ...collectiviteAction(r, publicUrl, {
            label: "Vérifier nos données",
            path: `/atlas/collectivites/${r.collectivite_id}`,
          }),
        }),
    });
    await recordChange(tx, label, {
      operation: "create",
      entityType: "atlas_campaign",
      entityId: campaign.id,
      after: { ...input, collectivites: asked },
    });
    return campaign;
  });
}

/** Reminds, by mail, every collectivité of the open campaign that has not confirmed. */
export async function remindCampaign(
  db: Db,
  actor: Actor,
  campaignId: number,
  version: unknown,
  publicUrl: string,
) {
  authorize(actor, "atlas:campaign:manage");
  return db.transaction((tx) => remind(tx, campaignId, { actor }, version, publicUrl));
}

/** The `remind` event and its mails, fired by the DAECT or, before the closing, by the portal. */
async function remind(
  tx: Tx,
  campaignId: number,
  by: Initiator,
  version: unknown,
  publicUrl: string,
) {
  const { after: campaign } = await transition(tx, campaignWorkflow, {
    id: campaignId,
    event: "remind",
    by,
    expectedVersion: version,
    set: (current) => ({ reminders: current.reminders + 1 }),
  });
  const round = campaign.reminders;
  const reminded = await mailCollectivites(tx, inCampaign(campaignId, true), {
    key: (id, email) => `campaign:${campaignId}:reminder:${round}:${id}:${email}`,
    template: "atlas-campaign-reminder",
    render: (r) =>
      campaignMails.reminder({
        title: campaign.title,
        collectivite: r.name,
        closesOn: campaign.closesOn,
        ...collectiviteAction(r, publicUrl, {
          label: "Vérifier nos données",
          path: `/atlas/collectivites/${r.collectivite_id}`,
        }),
      }),
  });
  await tx
    .update(campaignCollectivites)
    .set({ lastRemindedAt: new Date() })
    .where(
      and(
        eq(campaignCollectivites.campaignId, campaignId),
        isNull(campaignCollectivites.verifiedAt),
      ),
    );
  return { reminded };
}

/** Days before its closing on which an open campaign reminds, by itself, those that have not confirmed. */
export const AUTOMATIC_REMINDER_DAYS = 7;

/** The automatic reminder of an open campaign, once, a week before its closing date. */
export const campaignReminderRule: DeadlineRule<Due & { version: number }> = {
  name: "atlas:campaign:reminder",
  async due(q, now) {
    const today = parisDay(now);
    const open = await q.select().from(campaigns).where(eq(campaigns.status, "open"));
    return open
      .filter(
        (campaign) =>
          dayOffset(campaign.closesOn, -AUTOMATIC_REMINDER_DAYS) <= today &&
          today <= campaign.closesOn,
      )
      .map((campaign) => ({
        recordId: campaign.id,
        occurrence: `J-${AUTOMATIC_REMINDER_DAYS}:${campaign.closesOn}`,
        version: campaign.version,
      }));
  },
  async fire(tx, { recordId, version }, { publicUrl }) {
    const { reminded } = await remind(
      tx,
      recordId,
      { system: "campaign-reminder" },
      version,
      publicUrl,
    );
    return reminded;
  },
};

export async function closeCampaign(db: Db, actor: Actor, campaignId: number, version: unknown) {
  authorize(actor, "atlas:campaign:manage");
  await db.transaction((tx) =>
    transition(tx, campaignWorkflow, {
      id: campaignId,
      event: "close",
      by: { actor },
      expectedVersion: version,
      set: (_campaign, now) => ({ closedAt: now }),
    }),
  );
}

/** The open campaign and where a collectivité stands in it (null when none is open). */
export async function campaignStatusOf(db: Db, collectiviteId: number) {
  const [row] = await db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      closesOn: campaigns.closesOn,
      verifiedAt: campaignCollectivites.verifiedAt,
      verifiedByLabel: campaignCollectivites.verifiedByLabel,
    })
    .from(campaigns)
    .innerJoin(
      campaignCollectivites,
      and(
        eq(campaignCollectivites.campaignId, campaigns.id),
        eq(campaignCollectivites.collectiviteId, collectiviteId),
      ),
    )
    .where(isNull(campaigns.closedAt));
  return row ?? null;
}

/** An agent (or the DAECT) confirms that the collectivité's data are up to date. */
export async function markVerified(db: Db, actor: Actor, collectiviteId: number) {
  const [collectivite] = await db
    .select({ organisationId: collectivites.organisationId })
    .from(collectivites)
    .where(eq(collectivites.id, collectiviteId));
  if (!collectivite) throw new NotFound("Cette collectivité n'existe pas.");
  authorize(actor, "atlas:collectivite:edit", {
    organisationId: collectivite.organisationId ?? -1,
  });
  const status = await campaignStatusOf(db, collectiviteId);
  if (!status)
    throw new Invalid({ campagne: "Aucune campagne de mise à jour n'est ouverte en ce moment." });
  const label = auditActorOf(actor);
  await db.transaction(async (tx) => {
    await tx
      .update(campaignCollectivites)
      .set({ verifiedAt: new Date(), verifiedByLabel: label.label })
      .where(
        and(
          eq(campaignCollectivites.campaignId, status.id),
          eq(campaignCollectivites.collectiviteId, collectiviteId),
        ),
      );
    await recordChange(tx, label, {
      operation: "update",
      entityType: "atlas_campaign_collectivite",
      entityId: `${status.id}:${collectiviteId}`,
      before: { verified: status.verifiedAt !== null },
      after: { verified: true },
    });
  });
}
