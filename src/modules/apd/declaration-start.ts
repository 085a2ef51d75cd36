import { parisDay } from "../../platform/french-format";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Db, rowsOf } from "../../platform/db/client";
import { Invalid, NotFound } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { collectiviteOwner } from "../register/index";
import { lockForChange, touchDeclaration } from "./declaration-access";
import { isCampaignOpen } from "./declaration-workflow";
import { amountInputText } from "../../platform/french-format";
import { type ApdLine, checkLine, lineReferences } from "./line-input";
import { markerSelection } from "./submission-lines";
import { appendLines } from "./line-commands";
import { apdCampaigns, apdDeclarations } from "./schema";
import { parseInput } from "../../platform/validation";
import { z } from "zod";

/** Opens (or finds) the collectivité's declaration for the year of an open campaign. */
export async function startDeclaration(db: Db, actor: Actor, collectiviteId: number, year: number) {
  const collectivite = await collectiviteOwner(db, collectiviteId);
  if (!collectivite) throw new NotFound("Cette collectivité n'existe pas.");
  authorize(actor, "apd:declare", { organisationId: collectivite.organisationId ?? -1 });
  parseInput(
    z.object({
      year: z
        .number({ message: "Choisissez l'année de la déclaration à commencer." })
        .int("Choisissez l'année de la déclaration à commencer.")
        .min(2000, "Choisissez l'année de la déclaration à commencer.")
        .max(2100, "Choisissez l'année de la déclaration à commencer."),
    }),
    { year },
  );
  const [campaign] = await db.select().from(apdCampaigns).where(eq(apdCampaigns.year, year));
  if (!campaign || !isCampaignOpen(campaign) || campaign.opensOn > parisDay(new Date()))
    throw new Invalid({ year: `La déclaration des dépenses ${year} n'est pas ouverte.` });
  await db
    .insert(apdDeclarations)
    .values({ campaignId: campaign.id, year, collectiviteId })
    .onConflictDoNothing();
  const [declaration] = await db
    .select({ id: apdDeclarations.id })
    .from(apdDeclarations)
    .where(and(eq(apdDeclarations.year, year), eq(apdDeclarations.collectiviteId, collectiviteId)));
  return declaration.id;
}

/**
 * Starts from last year: copies the lines of the previous year's current submission into
 * an empty working copy. Lines that no longer pass (a country that left the DAC list, a
 * project deleted since) are left out and counted.
 */
export async function copyPreviousYear(
  db: Db,
  actor: Actor,
  declarationId: number,
  version: string | undefined,
) {
  return db.transaction(async (tx) => {
    const { declaration } = await lockForChange(tx, actor, declarationId, version);
    const [{ count }] = rowsOf<{ count: number }>(
      await tx.execute(
        sql`SELECT count(*)::int AS count FROM apd_lines WHERE declaration_id = ${declarationId}`,
      ),
    );
    if (count > 0)
      throw new Invalid({
        copy: "La déclaration contient déjà des lignes : la reprise de l'année précédente ne se fait que sur une déclaration vide.",
      });
    const previous = rowsOf<Record<string, string>>(
      await tx.execute(sql`
        SELECT l.recipient_code AS "recipientCode", l.purpose_code AS "purposeCode",
               l.amount_cents::text AS cents, l.flow, l.channel,
               coalesce(l.project_id::text, '') AS "projectId", l.description,
               ${markerSelection(true)}
          FROM apd_submission_lines l
          JOIN apd_submissions s ON s.id = l.submission_id AND s.is_current
          JOIN apd_declarations d ON d.id = s.declaration_id
         WHERE d.collectivite_id = ${declaration.collectiviteId} AND d.year = ${declaration.year - 1}
         ORDER BY l.position`),
    );
    if (previous.length === 0)
      throw new Invalid({
        copy: `Aucune ligne n'a été transmise pour ${declaration.year - 1} : il n'y a rien à reprendre.`,
      });
    const refs = await lineReferences(
      tx,
      declaration.collectiviteId,
      previous.map((row) => row.projectId).filter(Boolean),
    );
    const lines: ApdLine[] = [];
    for (const row of previous) {
      const result = checkLine({ ...row, amount: amountInputText(Number(row.cents)) }, refs);
      if (result.value) lines.push(result.value);
    }
    await appendLines(tx, declarationId, lines);
    await tx
      .update(apdDeclarations)
      .set({ isNil: false })
      .where(eq(apdDeclarations.id, declarationId));
    await touchDeclaration(tx, actor, declarationId, {
      after: { copiedFromPreviousYear: lines.length },
    });
    return { copied: lines.length, skipped: previous.length - lines.length };
  });
}
