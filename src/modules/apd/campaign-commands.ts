import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import type { Db } from "../../platform/db/client";
import { Invalid, NotFound } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { isoDateField, optionalTextField, parseInput } from "../../platform/validation";
import { runCampaignSteps } from "./campaign-steps";
import { apdCampaigns } from "./schema";

const campaignSchema = (today: Date) =>
  z
    .object({
      year: z
        .string({ message: "L'année des dépenses est obligatoire." })
        .trim()
        .regex(
          /^\d{4}$/,
          "L'année des dépenses doit être une année sur 4 chiffres, par exemple 2025.",
        )
        .transform(Number)
        .refine(
          (year) => year >= 2010 && year <= 2100,
          "L'année des dépenses doit être comprise entre 2010 et 2100.",
        ),
      opensOn: isoDateField("La date d'ouverture", { maxYearsAhead: 2 }),
      closesOn: isoDateField("La date limite", { maxYearsAhead: 2 }),
      message: optionalTextField("Le message aux collectivités", 3_000),
    })
    .refine((input) => input.closesOn > input.opensOn, {
      path: ["closesOn"],
      message: "La date limite doit être postérieure à la date d'ouverture.",
    })
    // Said after the order of the two dates, which the person fixes first.
    .refine((input) => input.closesOn >= today.toISOString().slice(0, 10), {
      path: ["closesOn"],
      message: "La date limite est déjà passée : choisissez une date à venir.",
    })
    .refine((input) => Number(input.opensOn.slice(0, 4)) > input.year, {
      path: ["opensOn"],
      message:
        "La campagne s'ouvre après l'année des dépenses déclarées (en général le 1er mai de l'année suivante).",
    });

/**
 * The form's starting values: last year's spending, declared from 1 May to 30 June; a
 * campaign opened later in the year keeps a two-month window so the default is never past.
 */
export function defaultCampaignValues(today = new Date()) {
  const year = today.getUTCFullYear() - 1;
  const mayFirst = `${year + 1}-05-01`;
  const todayIso = today.toISOString().slice(0, 10);
  const opensOn = todayIso > mayFirst ? todayIso : mayFirst;
  const twoMonthsLater = new Date(`${opensOn}T00:00:00Z`);
  twoMonthsLater.setUTCMonth(twoMonthsLater.getUTCMonth() + 2);
  const juneThirtieth = `${year + 1}-06-30`;
  const latest = twoMonthsLater.toISOString().slice(0, 10);
  return {
    year: String(year),
    opensOn,
    closesOn: juneThirtieth > opensOn ? juneThirtieth : latest,
    message: "",
  };
}

/**
 * The DAECT opens the campaign of a spending year. Every collectivité receives the opening
 * mail on the opening day (at once when it is today), then reminders before the deadline.
 */
export async function openApdCampaign(
  db: Db,
  actor: Actor,
  values: Record<string, string | undefined>,
  publicUrl: string,
  today = new Date(),
) {
  authorize(actor, "apd:campaign:manage");
  const input = parseInput(campaignSchema(today), values);
  const who = auditActorOf(actor);
  const campaign = await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ year: apdCampaigns.year })
      .from(apdCampaigns)
      .where(isNull(apdCampaigns.closedAt));
    if (open)
      throw new Invalid(
        {
          year: `La campagne ${open.year} est encore ouverte : clôturez-la avant d'en ouvrir une autre.`,
        },
        "Une campagne est déjà ouverte.",
      );
    const [existing] = await tx
      .select({ id: apdCampaigns.id })
      .from(apdCampaigns)
      .where(eq(apdCampaigns.year, input.year));
    if (existing)
      throw new Invalid({ year: `Une campagne existe déjà pour les dépenses ${input.year}.` });
    const [created] = await tx
      .insert(apdCampaigns)
      .values({
        year: input.year,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        message: input.message ?? "",
        openedByLabel: who.label,
      })
      .returning();
    await recordChange(tx, who, {
      operation: "create",
      entityType: "apd_campaign",
      entityId: created.id,
      after: { year: input.year, opensOn: input.opensOn, closesOn: input.closesOn },
    });
    return created;
  });
  await runCampaignSteps(db, publicUrl, today);
  return campaign;
}

/** Closes a campaign: its declarations can no longer be submitted or amended. */
export async function closeApdCampaign(db: Db, actor: Actor, campaignId: number) {
  authorize(actor, "apd:campaign:manage");
  const who = auditActorOf(actor);
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(apdCampaigns)
      .set({ closedAt: new Date() })
      .where(and(eq(apdCampaigns.id, campaignId), isNull(apdCampaigns.closedAt)))
      .returning({ id: apdCampaigns.id });
    if (closed.length === 0) {
      const [exists] = await tx
        .select({ id: apdCampaigns.id })
        .from(apdCampaigns)
        .where(eq(apdCampaigns.id, campaignId));
      if (!exists) throw new NotFound("Cette campagne n'existe pas.");
      throw new Invalid({ campagne: "Cette campagne est déjà clôturée." });
    }
    await recordChange(tx, who, {
      operation: "update",
      entityType: "apd_campaign",
      entityId: campaignId,
      after: { closed: true },
    });
  });
}
