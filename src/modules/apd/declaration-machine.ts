import { parisDay } from "../../platform/french-format";
import type { DeclarationStatus } from "./codes";

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

/** The last day of the window ends at midnight, Paris time. */
export const isLate = (submittedAt: Date, closesOn: string) => parisDay(submittedAt) > closesOn;

/** Whether the statistics count this declaration's current submission. */
export const isCounted = (status: DeclarationStatus) =>
  status === "submitted" || status === "accepted";
