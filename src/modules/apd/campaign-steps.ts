import { parisDay } from "../../platform/french-format";
import { isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import {
  type DeadlineRule,
  type Due,
  dayOffset,
  runDeadlines,
} from "../../platform/deadlines/scheduler";
import { collectiviteAction, mailCollectivites } from "../register/index";
import { apdMails } from "./mails";
import { apdCampaigns } from "./schema";

type Campaign = typeof apdCampaigns.$inferSelect;

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
        due: dayOffset(campaign.closesOn, -days),
        onlyUndeclared: true,
      }))
      .filter((step) => step.due > campaign.opensOn),
  ];
}

/** A step due for an open campaign: the campaign, and which step. */
interface DueStep extends Due {
  campaign: Campaign;
  step: Step;
}

/**
 * The campaigns' mailing steps, on the deadline scheduler: the opening on its day, each
 * reminder N days before the deadline (not after it), each once per campaign.
 */
export const campaignStepsRule: DeadlineRule<DueStep> = {
  name: "apd:campaign-step",
  async due(q, now) {
    const today = parisDay(now);
    const open = await q.select().from(apdCampaigns).where(isNull(apdCampaigns.closedAt));
    return open.flatMap((campaign) =>
      campaignSteps(campaign)
        .filter((step) => step.due <= today && !(step.onlyUndeclared && today > campaign.closesOn))
        .map((step) => ({ recordId: campaign.id, occurrence: step.name, campaign, step })),
    );
  },
  async fire(tx, { campaign, step }, { publicUrl }) {
    return mailCollectivites(
      tx,
      step.onlyUndeclared
        ? sql`NOT EXISTS (SELECT 1 FROM apd_declarations d
                           WHERE d.collectivite_id = c.id AND d.year = ${campaign.year}
                             AND d.status IN ('submitted', 'accepted'))`
        : sql`true`,
      {
        key: (id, email) => `apd:${campaign.year}:${step.name}:${id}:${email}`,
        template: step.onlyUndeclared ? "apd-reminder" : "apd-campaign-opened",
        render: (recipient) => {
          const params = {
            year: campaign.year,
            collectivite: recipient.name,
            closesOn: campaign.closesOn,
            ...collectiviteAction(recipient, publicUrl, {
              label: "Déclarer l'APD de notre collectivité",
              path: `/apd/collectivites/${recipient.collectivite_id}`,
            }),
          };
          return step.onlyUndeclared
            ? apdMails.reminder(params)
            : apdMails.campaignOpened({
                ...params,
                opensOn: campaign.opensOn,
                message: campaign.message,
              });
        },
      },
    );
  },
};

/** Runs the campaigns' steps now (on opening a campaign, and in tests): what was sent. */
export async function runCampaignSteps(db: Db, publicUrl: string, now = new Date()) {
  const fired = await runDeadlines(db, [campaignStepsRule], { now, publicUrl });
  return fired.map((firing) => ({
    year: (firing.item as DueStep).campaign.year,
    step: firing.occurrence,
    collectivites: firing.outcome,
  }));
}
