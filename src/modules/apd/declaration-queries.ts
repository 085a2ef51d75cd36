import { recordHistory } from "../../platform/workflow/history";
import { parisDay } from "../../platform/french-format";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Db, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { authorize, can } from "../../platform/policy";
import { collectiviteOwner } from "../register/index";
import { loadDeclaration } from "./declaration-access";
import {
  canEdit,
  canReview,
  isCampaignOpen,
  submitBlocker,
  declarationWorkflow,
} from "./declaration-workflow";
import { apdLabels, labelLines } from "./labels";
import { lineReferences } from "./line-input";
import { apdCampaigns, apdDeclarations, apdSubmissions } from "./schema";
import { submissionLines } from "./receipt-queries";
import { workingLines } from "./submission-lines";

/** Everything the declaration page shows, with what the actor may do on it. */
export async function declarationView(db: Db, actor: Actor, declarationId: number) {
  const { declaration, campaign, collectivite } = await loadDeclaration(
    db,
    actor,
    declarationId,
    "apd:read",
  );
  const labels = await apdLabels(db);
  const lines = labelLines(await workingLines(db, declarationId), labels);
  const submissions = await db
    .select()
    .from(apdSubmissions)
    .where(eq(apdSubmissions.declarationId, declarationId))
    .orderBy(desc(apdSubmissions.number));
  const current = submissions.find((submission) => submission.isCurrent) ?? null;
  const submittedLines = current ? labelLines(await submissionLines(db, current.id), labels) : [];
  const mayReview =
    can(actor, "apd:review", { organisationId: collectivite.organisationId ?? -1 }) &&
    canReview(declaration.status);
  const mayDeclare =
    can(actor, "apd:declare", { organisationId: collectivite.organisationId ?? -1 }) &&
    canEdit(campaign);
  const [previous] = rowsOf<{ lines: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS lines FROM apd_submission_lines l
        JOIN apd_submissions s ON s.id = l.submission_id AND s.is_current
        JOIN apd_declarations d ON d.id = s.declaration_id
       WHERE d.collectivite_id = ${collectivite.id} AND d.year = ${declaration.year - 1}`),
  );
  return {
    declaration,
    campaign,
    collectivite,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    submissions,
    current,
    submittedLines,
    previousYearLines: previous?.lines ?? 0,
    history: await recordHistory(db, declarationWorkflow, declarationId),
    choices: mayDeclare ? await lineReferences(db, collectivite.id) : null,
    abilities: {
      // The DAECT reviewing a transmitted declaration sees the review, not the agent's tools
      // (it may still open a line, as the policy lets it declare for any collectivité).
      declare: mayDeclare && !mayReview,
      editLines: mayDeclare,
      submitBlocker: mayDeclare
        ? submitBlocker(
            {
              status: declaration.status,
              hasChanges: declaration.hasChanges,
              isNil: declaration.isNil,
              lineCount: lines.length,
            },
            campaign,
          )
        : "",
      review: mayReview,
    },
  };
}

export type DeclarationView = Awaited<ReturnType<typeof declarationView>>;

/** A collectivité's declarations, one per campaign year, newest first. */
export async function collectiviteDeclarations(db: Db, actor: Actor, collectiviteId: number) {
  const collectivite = await collectiviteOwner(db, collectiviteId);
  if (!collectivite) throw new NotFound("Cette collectivité n'existe pas.");
  authorize(actor, "apd:read", { organisationId: collectivite.organisationId ?? -1 });
  const today = parisDay(new Date());
  const years = await db
    .select({
      campaignId: apdCampaigns.id,
      year: apdCampaigns.year,
      opensOn: apdCampaigns.opensOn,
      closesOn: apdCampaigns.closesOn,
      closedAt: apdCampaigns.closedAt,
      declarationId: apdDeclarations.id,
      status: apdDeclarations.status,
      late: apdDeclarations.late,
      isNil: apdDeclarations.isNil,
      hasChanges: apdDeclarations.hasChanges,
      totalCents: apdSubmissions.totalCents,
      submittedAt: apdSubmissions.submittedAt,
    })
    .from(apdCampaigns)
    .leftJoin(
      apdDeclarations,
      and(
        eq(apdDeclarations.campaignId, apdCampaigns.id),
        eq(apdDeclarations.collectiviteId, collectiviteId),
      ),
    )
    .leftJoin(
      apdSubmissions,
      and(eq(apdSubmissions.declarationId, apdDeclarations.id), eq(apdSubmissions.isCurrent, true)),
    )
    .orderBy(desc(apdCampaigns.year));
  const mayDeclare = can(actor, "apd:declare", {
    organisationId: collectivite.organisationId ?? -1,
  });
  return {
    collectivite,
    years: years.map((row) => ({
      ...row,
      open: isCampaignOpen(row) && row.opensOn <= today,
      canStart: mayDeclare && !row.declarationId && isCampaignOpen(row) && row.opensOn <= today,
    })),
  };
}
