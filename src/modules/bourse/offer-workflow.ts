import { opinionCounts } from "../../platform/consultation/read";
import { holdersOf } from "../../platform/policy";
import { mailMembers } from "../../platform/auth/member-addresses";
import type { Tx } from "../../platform/db/client";
import { longDate, parisDay } from "../../platform/french-format";
import { type EventContext, defineWorkflow, nextState } from "../../platform/workflow/define";
import { collectiviteOwner } from "../register/index";
import { type OfferStatus, offerStatuses } from "./codes";
import { offerMails } from "./mails";
import { type OfferRow, offerResource } from "./offer-access";
import { offerConsultation } from "./offer-consultation";
import { bourseOffers } from "./schema";

export type OfferEvent = "submit" | "requestOpinions" | "publish" | "reject" | "close" | "expire";

export const offerUrl = (publicUrl: string, id: number) => `${publicUrl}/bourse/offres/${id}`;

/**
 * Why the DAECT cannot decide yet, or null: it decides once every opinion is in, or once
 * the deadline has passed (a missing opinion then counts as not given).
 */
export function decisionBlocker(
  missing: number,
  dueOn: string | null,
  today: string,
): string | null {
  if (missing === 0) return null;
  if (dueOn !== null && today > dueOn) return null;
  return `${missing} avis ${missing > 1 ? "sont attendus" : "est attendu"} jusqu'au ${dueOn ? longDate(dueOn) : "terme fixé"} : décidez quand tous les avis sont rendus ou après cette date.`;
}

async function opinionsAwaited(tx: Tx, offer: OfferRow, now: Date) {
  const counts = (await opinionCounts(tx, offerConsultation, [offer.id])).get(offer.id);
  return decisionBlocker(
    (counts?.asked ?? 0) - (counts?.given ?? 0),
    offer.opinionsDueOn,
    parisDay(now),
  );
}

async function mailReceived({ tx, after, publicUrl }: EventContext<OfferRow>) {
  const collectivite = await collectiviteOwner(tx, after.collectiviteId);
  await mailMembers(tx, holdersOf("bourse:offer:manage"), {
    ...offerMails.received({
      title: after.title,
      collectivite: collectivite?.name ?? "",
      url: offerUrl(publicUrl, after.id),
    }),
    template: "bourse-offer-received",
    idempotencyKey: `bourse:offer:${after.id}:received`,
  });
}

async function mailDecision({ tx, after, event, publicUrl }: EventContext<OfferRow>) {
  const collectivite = await collectiviteOwner(tx, after.collectiviteId);
  // The collectivité's own agents (the DAECT, which decided, is not written to).
  await mailMembers(
    tx,
    holdersOf("bourse:offer:create", { organisationId: collectivite?.organisationId ?? -1 }),
    {
      ...offerMails.decided({
        title: after.title,
        published: event === "publish",
        comment: after.decisionComment,
        url: offerUrl(publicUrl, after.id),
      }),
      template: "bourse-offer-decided",
      idempotencyKey: `bourse:offer:${after.id}:decided`,
    },
  );
}

/**
 * A collectivité's offer of partnership: the collectivité writes and sends it, the DAECT
 * asks the prefecture and the embassies for their opinion by a date, then decides to
 * publish it ("diffuser") or not; a publication ends after twelve months.
 */
export const offerWorkflow = defineWorkflow<OfferRow, OfferStatus, OfferEvent>({
  name: "bourse_offer",
  table: bourseOffers,
  states: offerStatuses,
  field: "offre",
  notFound: "Cette offre de partenariat n'existe pas.",
  staleMessage:
    "L'offre a été modifiée depuis que vous avez ouvert cette page : rien n'a été enregistré. Vérifiez-la ci-dessous ; ce que vous aviez saisi est conservé dans le formulaire.",
  // The collectivité changes its offer only before sending it.
  editable: { draft: "all" },
  lockedMessage: "Cette offre est transmise : elle ne peut plus être modifiée.",
  resource: offerResource,
  events: {
    submit: {
      label: "Transmission à la DAECT",
      from: ["draft"],
      to: "submitted",
      by: ["bourse:offer:write"],
      refusal: "Cette offre a déjà été transmise.",
      mail: mailReceived,
    },
    requestOpinions: {
      label: "Avis demandés",
      from: ["submitted"],
      to: "consultation",
      by: ["bourse:offer:manage"],
      refusal: "Les avis ne se demandent que pour une offre transmise à la DAECT.",
    },
    publish: {
      label: "Diffusion",
      from: ["consultation"],
      to: "published",
      by: ["bourse:offer:manage"],
      refusal: "Seule une offre soumise aux avis peut être diffusée.",
      guard: opinionsAwaited,
      field: "decision",
      mail: mailDecision,
    },
    reject: {
      label: "Non diffusée",
      from: ["consultation"],
      to: "not_published",
      by: ["bourse:offer:manage"],
      refusal: "Seule une offre soumise aux avis peut être écartée.",
      guard: opinionsAwaited,
      field: "decision",
      mail: mailDecision,
    },
    close: {
      label: "Retrait",
      from: ["draft", "submitted", "consultation", "published"],
      to: "closed",
      by: ["bourse:offer:write", "bourse:offer:manage"],
      refusal: "Cette offre est déjà close.",
    },
    /** The daily job ends a publication after its twelve months. */
    expire: {
      label: "Fin de la diffusion (douze mois)",
      from: ["published"],
      to: "closed",
      by: ["system"],
      refusal: "Cette offre n'est pas diffusée.",
    },
  },
});

export const offerCanFire = (status: OfferStatus, event: OfferEvent) =>
  nextState(offerWorkflow, status, event) !== null;
