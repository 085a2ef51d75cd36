import { and, count, eq } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import { parisDay } from "../../platform/french-format";
import { enqueueMail } from "../../platform/mail/outbox";
import { type EventContext, defineWorkflow } from "../../platform/workflow/define";
import { collectiviteOwner } from "../register/index";
import { type DeclarationStatus, declarationStatuses } from "./codes";
import type { DeclarationRow } from "./declaration-access";
import { apdLabels, labelLines } from "./labels";
import { apdMails } from "./mails";
import { receiptPdf } from "./receipt";
import { apdCampaigns, apdDeclarations, apdLines, apdSubmissions } from "./schema";
import { declarationUrl, receiptFilename, workingLines } from "./submission-lines";

/**
 * The declaration workflow, as pure rules (docs/decisions/0018):
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted
 *                      │    ▲                 │
 *               return │    └──── submit ─────┘ (an amendment)
 *                      ▼    │
 *                   returned┘
 *
 * The working copy can be changed, and submitted again as a new version, as long as the
 * campaign is not closed. A first submission after the deadline is accepted, marked late.
 */
export interface DeclarationState {
  status: DeclarationStatus;
  hasChanges: boolean;
  isNil: boolean;
  lineCount: number;
}

export interface CampaignWindow {
  closesOn: string;
  closedAt: Date | null;
}

export const isCampaignOpen = (campaign: CampaignWindow) => campaign.closedAt === null;

export const canEdit = (campaign: CampaignWindow) => isCampaignOpen(campaign);

/** Why the declaration cannot be submitted now, or null when it can. */
export function submitBlocker(state: DeclarationState, campaign: CampaignWindow): string | null {
  if (!isCampaignOpen(campaign))
    return "La campagne de cette année est clôturée : la déclaration ne peut plus être transmise.";
  if (!state.hasChanges && state.status !== "draft" && state.status !== "returned")
    return "Cette version a déjà été transmise : modifiez la déclaration avant de la transmettre à nouveau.";
  if (state.isNil && state.lineCount > 0)
    return "Une déclaration néant ne peut pas contenir de lignes : supprimez-les ou décochez « déclaration néant ».";
  if (!state.isNil && state.lineCount === 0)
    return "Ajoutez au moins une ligne, ou cochez « déclaration néant » si la collectivité n'a engagé aucune dépense d'aide au développement cette année.";
  return null;
}

export const canReview = (status: DeclarationStatus) => status === "submitted";

const REVIEW_REFUSAL =
  "Seule une déclaration transmise, en attente d'examen, peut être acceptée ou renvoyée.";

/** The last day of the window ends at midnight, Paris time. */
export const isLate = (submittedAt: Date, closesOn: string) => parisDay(submittedAt) > closesOn;

async function currentSubmission(tx: Tx, declarationId: number) {
  const [current] = await tx
    .select()
    .from(apdSubmissions)
    .where(
      and(eq(apdSubmissions.declarationId, declarationId), eq(apdSubmissions.isCurrent, true)),
    );
  return current;
}

/** Why the working copy cannot be submitted now (its campaign, its lines), or null. */
async function submitGuard(tx: Tx, declaration: DeclarationRow) {
  const [campaign] = await tx
    .select()
    .from(apdCampaigns)
    .where(eq(apdCampaigns.id, declaration.campaignId));
  const [{ lineCount }] = await tx
    .select({ lineCount: count() })
    .from(apdLines)
    .where(eq(apdLines.declarationId, declaration.id));
  return submitBlocker({ ...declaration, lineCount }, campaign);
}

/**
 * The acknowledgement of receipt of the version just submitted (its submission row is
 * written before the event), with its PDF, to the person who submitted.
 */
async function mailReceipt({ tx, after, publicUrl }: EventContext<DeclarationRow>) {
  const submission = await currentSubmission(tx, after.id);
  // submitDeclaration writes the submission before the event; without one there is no receipt.
  if (!submission) return;
  const collectivite = await collectiviteOwner(tx, after.collectiviteId);
  const lines = await workingLines(tx, after.id);
  const reference = submission.receipt.reference;
  const pdf = await receiptPdf({
    reference,
    year: after.year,
    collectivite: collectivite?.name ?? "",
    number: submission.number,
    submittedAt: submission.submittedAt,
    submittedBy: submission.submittedByLabel,
    late: submission.late,
    isNil: submission.isNil,
    lines: labelLines(lines, await apdLabels(tx)),
  });
  await enqueueMail(tx, {
    idempotencyKey: `apd:receipt:${after.id}:${submission.number}`,
    template: "apd-receipt",
    to: submission.submittedByEmail,
    ...apdMails.receipt({
      year: after.year,
      collectivite: collectivite?.name ?? "",
      reference,
      number: submission.number,
      isNil: submission.isNil,
      totalCents: submission.totalCents,
      lineCount: submission.lineCount,
      late: submission.late,
      url: declarationUrl(publicUrl, after.id),
    }),
    attachments: [
      { filename: receiptFilename(reference), contentType: "application/pdf", content: pdf },
    ],
  });
}

/** The DAECT's decision, to the person who submitted the version reviewed. */
async function mailReview({ tx, after, event, reason, publicUrl }: EventContext<DeclarationRow>) {
  const submission = await currentSubmission(tx, after.id);
  if (!submission) return;
  const collectivite = await collectiviteOwner(tx, after.collectiviteId);
  const params = {
    year: after.year,
    collectivite: collectivite?.name ?? "",
    url: declarationUrl(publicUrl, after.id),
  };
  await enqueueMail(tx, {
    idempotencyKey: `apd:review:${after.id}:${submission.number}:${after.status}`,
    template: event === "accept" ? "apd-accepted" : "apd-returned",
    to: submission.submittedByEmail,
    ...(event === "accept"
      ? apdMails.accepted(params)
      : apdMails.returned({ ...params, comment: reason ?? "" })),
  });
}

/** The yearly declaration of a collectivité's official development aid. */
export const declarationWorkflow = defineWorkflow<
  DeclarationRow,
  DeclarationStatus,
  "submit" | "accept" | "return"
>({
  name: "apd_declaration",
  table: apdDeclarations,
  states: declarationStatuses,
  field: "declaration",
  notFound: "Cette déclaration n'existe pas.",
  staleMessage:
    "La déclaration a été modifiée depuis que vous avez ouvert cette page (dans un autre onglet ou par un collègue) : rien n'a été enregistré. Vérifiez la déclaration ci-dessous ; ce que vous aviez saisi est conservé dans le formulaire.",
  // The working copy stays open in every state; the campaign's closing locks it.
  editable: { draft: "all", submitted: "all", accepted: "all", returned: "all" },
  lockedMessage:
    "La campagne de cette année est clôturée : la déclaration ne peut plus être modifiée.",
  resource: async (q, declaration) => {
    const collectivite = await collectiviteOwner(q, declaration.collectiviteId);
    return { organisationId: collectivite?.organisationId ?? -1 };
  },
  events: {
    submit: {
      label: "Transmission",
      from: ["draft", "submitted", "accepted", "returned"],
      to: "submitted",
      by: ["apd:declare"],
      refusal: "Cette déclaration ne peut pas être transmise.",
      guard: submitGuard,
      mail: mailReceipt,
    },
    accept: {
      label: "Acceptation",
      from: ["submitted"],
      to: "accepted",
      by: ["apd:review"],
      refusal: REVIEW_REFUSAL,
      field: "decision",
      mail: mailReview,
    },
    return: {
      label: "Renvoi pour correction",
      from: ["submitted"],
      to: "returned",
      by: ["apd:review"],
      refusal: REVIEW_REFUSAL,
      field: "decision",
      mail: mailReview,
    },
  },
});
