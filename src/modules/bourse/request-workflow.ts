import { fr } from "./texts/fr";
import { languageOf } from "../../platform/i18n/languages";
import { longDate } from "../../platform/french-format";
import { mailMembers } from "../../platform/auth/member-addresses";
import { enqueueMail } from "../../platform/mail/outbox";
import { type EventContext, defineWorkflow, nextState } from "../../platform/workflow/define";
import { type RequestStatus, requestStatuses } from "./codes";
import { bourseMails } from "./mails";
import { type RequestRow, requestResource } from "./request-access";
import { authorUrl, countryName, followersOf } from "./request-recipients";
import { bourseRequests } from "./schema";

/** Every state but the two ends, closed and declined: a request the author may withdraw. */
const ALL_OPEN = requestStatuses.filter((status) => status !== "closed" && status !== "declined");

/** Mails the embassy of the request's country and the DAECT, each member once. */
async function mailTriagers({ tx, after, publicUrl, event }: EventContext<RequestRow>) {
  await mailMembers(tx, followersOf(after.countryCode), {
    ...bourseMails.requestToTriage({
      title: after.title,
      authority: after.authorityName,
      country: await countryName(tx, after.countryCode),
      city: after.cityName,
      resubmitted: event === "resubmit",
      url: `${publicUrl}/bourse/demandes/${after.id}`,
    }),
    template: "bourse-request-to-triage",
    idempotencyKey: `bourse:request:${after.id}:to-triage:${after.version}`,
  });
}

/** Mails the author the embassy's (or the DAECT's) decision on its request. */
async function mailDecision(context: EventContext<RequestRow>) {
  const { tx, after, publicUrl, event, reason } = context;
  const url = await authorUrl(tx, after, publicUrl);
  const lang = languageOf(after.formLanguage);
  const message = reason ?? "";
  const [mail, template] =
    event === "publish"
      ? [
          bourseMails.published({
            lang,
            title: after.title,
            expiresOn: longDate(after.expiresAt ?? context.now, lang),
            url,
          }),
          "published",
        ]
      : event === "askInformation"
        ? [
            bourseMails.informationRequested({ lang, title: after.title, message, url }),
            "information-requested",
          ]
        : [bourseMails.declined({ lang, title: after.title, reason: message, url }), "declined"];
  const decision =
    event === "publish" ? "publish" : event === "askInformation" ? "information" : "decline";
  await enqueueMail(tx, {
    ...mail,
    to: after.contactEmail,
    template: `bourse-${template}`,
    idempotencyKey: `bourse:request:${after.id}:${decision}:${after.version}`,
  });
}

/**
 * A partnership request of a foreign authority: written by its author, triaged by the
 * embassy of its country or the DAECT, published twelve months, answered by collectivités.
 */
export const requestWorkflow = defineWorkflow<RequestRow, RequestStatus, RequestEvent>({
  name: "bourse_request",
  table: bourseRequests,
  states: requestStatuses,
  field: "demande",
  notFound: "Cette demande de partenariat n'existe pas.",
  staleMessage:
    "La demande a été modifiée depuis que vous avez ouvert cette page : rien n'a été enregistré. Vérifiez-la ci-dessous ; ce que vous aviez saisi est conservé dans le formulaire.",
  // The author changes the request only while nobody else acts on it.
  editable: { draft: "all", under_review: "all" },
  lockedMessage:
    "Cette demande est en cours d'examen ou publiée : elle ne peut plus être modifiée.",
  resource: requestResource,
  events: {
    /** The author sends the request (after the address check for the public form). */
    submit: {
      label: fr.history.submit,
      from: ["draft"],
      to: "submitted",
      by: ["bourse:request:write"],
      refusal: "Cette demande a déjà été transmise.",
      mail: mailTriagers,
    },
    /** The embassy or the DAECT publishes it on the Bourse. */
    publish: {
      label: fr.history.publish,
      from: ["submitted"],
      to: "published",
      by: ["bourse:request:triage"],
      refusal: "Seule une demande transmise et non encore examinée peut être publiée.",
      mail: mailDecision,
    },
    /** The embassy or the DAECT asks the author to complete it. */
    askInformation: {
      label: fr.history.askInformation,
      from: ["submitted"],
      to: "under_review",
      by: ["bourse:request:triage"],
      refusal: "Un complément ne peut être demandé que pour une demande transmise.",
      mail: mailDecision,
    },
    /** The author sends it again, completed. */
    resubmit: {
      label: fr.history.resubmit,
      from: ["under_review"],
      to: "submitted",
      by: ["bourse:request:write"],
      refusal: "Cette demande n'attend pas de complément.",
      mail: mailTriagers,
    },
    decline: {
      label: fr.history.decline,
      from: ["submitted", "under_review"],
      to: "declined",
      by: ["bourse:request:triage"],
      refusal: "Seule une demande en cours d'examen peut être refusée.",
      mail: mailDecision,
    },
    /** A French collectivité says it is interested (its interest is recorded first). */
    expressInterest: {
      label: fr.history.expressInterest,
      from: ["published", "in_contact"],
      to: "in_contact",
      by: ["bourse:request:contact"],
      refusal: "Cette demande n'est pas ouverte aux marques d'intérêt.",
    },
    /** The parties agree: an Atlas partnership is recorded. */
    match: {
      label: fr.history.match,
      from: ["in_contact"],
      to: "matched",
      by: ["bourse:request:match"],
      refusal: "Un partenariat ne peut être conclu qu'après une mise en relation.",
    },
    renew: {
      label: fr.history.renew,
      from: ["published", "in_contact"],
      to: "same",
      by: ["bourse:request:write"],
      refusal: "Seule une demande publiée peut être prolongée.",
    },
    /** The daily job ends a publication after its twelve months. */
    expire: {
      label: fr.history.expire,
      from: ["published", "in_contact"],
      to: "closed",
      by: ["system"],
      refusal: "Cette demande n'est pas publiée.",
    },
    close: {
      label: fr.history.close,
      from: ALL_OPEN,
      to: "closed",
      by: ["bourse:request:write"],
      refusal: "Cette demande est déjà close.",
    },
  },
});

export type RequestEvent =
  | "submit"
  | "publish"
  | "askInformation"
  | "resubmit"
  | "decline"
  | "expressInterest"
  | "match"
  | "renew"
  | "expire"
  | "close";

export const canFire = (status: RequestStatus, event: RequestEvent) =>
  nextState(requestWorkflow, status, event) !== null;

/** Contact details stay private until a collectivité has expressed interest. */
export const isPublicStatus = (status: RequestStatus) =>
  status === "published" || status === "in_contact" || status === "matched";

/** The date a publication (or its renewal) ends: twelve months later. */
export function expiryAfter(from: Date, months: number): Date {
  const end = new Date(from);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}
