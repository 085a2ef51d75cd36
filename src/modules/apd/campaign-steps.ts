import { parisDay } from "../../platform/french-format";
import { isNull, sql } from "drizzle-orm";
import { insertInChunks } from "../../platform/db/bulk";
import { type Db, rowsOf } from "../../platform/db/client";
import { mailOutbox } from "../../platform/mail/schema";
import { collectiviteMailRows, collectiviteRecipients } from "../atlas";
import { apdMails } from "./mails";
import { apdCampaigns } from "./schema";

type Campaign = typeof apdCampaigns.$inferSelect;

const daysBefore = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

interface Step {
  name: string;
  due: string;
  /** Reminders go to collectivités that have no submitted or accepted declaration. */
  onlyUndeclared: boolean;
}

/** The mailing steps of a campaign: the opening, then each reminder inside the window. */
export function campaignSteps(
  campaign: Pick<Campaign, "opensOn" | "closesOn" | "reminderDays">,
): Step[] {
  return [
    { name: "opening", due: campaign.opensOn, onlyUndeclared: false },
    ...campaign.reminderDays
      .map((days) => ({
        name: `reminder-${days}`,
        due: daysBefore(campaign.closesOn, days),
        onlyUndeclared: true,
      }))
      .filter((step) => step.due > campaign.opensOn),
  ];
}

/**
 * Sends the steps that are due for every open campaign. A step is recorded in the same
 * transaction as its mails, and recorded once (primary key): a restarted or second worker
 * finds it done and sends nothing. Reminders stop once the deadline has passed.
 */
export async function runCampaignSteps(db: Db, publicUrl: string, now = new Date()) {
  const today = parisDay(now);
  const open = await db.select().from(apdCampaigns).where(isNull(apdCampaigns.closedAt));
  const done: { year: number; step: string; collectivites: number }[] = [];
  for (const campaign of open) {
    for (const step of campaignSteps(campaign)) {
      if (step.due > today) continue;
      if (step.onlyUndeclared && today > campaign.closesOn) continue;
      const sent = await runStep(db, campaign, step, publicUrl);
      if (sent !== null) done.push({ year: campaign.year, step: step.name, collectivites: sent });
    }
  }
  return done;
}

async function runStep(db: Db, campaign: Campaign, step: Step, publicUrl: string) {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute(sql`
      INSERT INTO apd_campaign_steps (campaign_id, step, collectivites)
      VALUES (${campaign.id}, ${step.name}, 0)
      ON CONFLICT DO NOTHING RETURNING step`);
    if (rowsOf(claimed).length === 0) return null;
    const list = await collectiviteRecipients(
      tx,
      step.onlyUndeclared
        ? sql`NOT EXISTS (SELECT 1 FROM apd_declarations d
                           WHERE d.collectivite_id = c.id AND d.year = ${campaign.year}
                             AND d.status IN ('submitted', 'accepted'))`
        : sql`true`,
    );
    const url = `${publicUrl}/apd`;
    await insertInChunks(
      tx,
      mailOutbox,
      collectiviteMailRows(
        list,
        (id, email) => `apd:${campaign.year}:${step.name}:${id}:${email}`,
        step.onlyUndeclared ? "apd-reminder" : "apd-campaign-opened",
        (recipient) => {
          const params = {
            year: campaign.year,
            collectivite: recipient.name,
            closesOn: campaign.closesOn,
            url: `${url}/collectivites/${recipient.collectivite_id}`,
          };
          return step.onlyUndeclared
            ? apdMails.reminder(params)
            : apdMails.campaignOpened({
                ...params,
                opensOn: campaign.opensOn,
                message: campaign.message,
              });
        },
      ),
    );
    await tx.execute(sql`
      UPDATE apd_campaign_steps SET collectivites = ${list.length}
       WHERE campaign_id = ${campaign.id} AND step = ${step.name}`);
    return list.length;
  });
}
