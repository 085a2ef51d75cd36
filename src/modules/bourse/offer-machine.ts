import { longDate } from "../../platform/french-format";
import type { OfferStatus } from "./codes";

/**
 * The offer's workflow, pure: the collectivité writes and sends it, the DAECT asks the
 * prefecture and the embassies for their opinion by a date, then decides to publish it
 * ("diffuser") or not. Who may act is the policy's business.
 */
export const offerEvents = {
  submit: { from: ["draft"], to: "submitted" },
  requestOpinions: { from: ["submitted"], to: "consultation" },
  publish: { from: ["consultation"], to: "published" },
  reject: { from: ["consultation"], to: "not_published" },
  close: { from: ["draft", "submitted", "consultation", "published"], to: "closed" },
} as const satisfies Record<string, { from: readonly OfferStatus[]; to: OfferStatus }>;

export type OfferEvent = keyof typeof offerEvents;

export function nextOfferStatus(status: OfferStatus, event: OfferEvent): OfferStatus | null {
  return (offerEvents[event].from as readonly OfferStatus[]).includes(status)
    ? offerEvents[event].to
    : null;
}

export const offerRefusals: Record<OfferEvent, string> = {
  submit: "Cette offre a déjà été transmise.",
  requestOpinions: "Les avis ne se demandent que pour une offre transmise à la DAECT.",
  publish: "Seule une offre soumise aux avis peut être diffusée.",
  reject: "Seule une offre soumise aux avis peut être écartée.",
  close: "Cette offre est déjà close.",
};

/** The collectivité changes its offer only before sending it. */
export const offerEditable = (status: OfferStatus) => status === "draft";

/**
 * Why the DAECT cannot decide yet, or null: it decides once every opinion is in, or once
 * the deadline has passed (a missing opinion then counts as not given).
 */
export function decisionBlocker(
  opinions: readonly { verdict: string | null }[],
  dueOn: string | null,
  today: string,
): string | null {
  const missing = opinions.filter((opinion) => opinion.verdict === null).length;
  if (missing === 0) return null;
  if (dueOn !== null && today > dueOn) return null;
  return `${missing} avis ${missing > 1 ? "sont attendus" : "est attendu"} jusqu'au ${dueOn ? longDate(dueOn) : "terme fixé"} : décidez quand tous les avis sont rendus ou après cette date.`;
}
