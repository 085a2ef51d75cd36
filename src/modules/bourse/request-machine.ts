import type { RequestStatus } from "./codes";

/**
 * The request's workflow, pure: which event moves a request from which states to which,
 * and which of its fields its author may still change. Who may fire an event is the
 * policy's business (src/platform/policy.ts); this file only knows the states.
 */
export const requestEvents = {
  /** The author sends the request (after the address check for the public form). */
  submit: { from: ["draft"], to: "submitted" },
  /** The embassy or the DAECT publishes it on the Bourse. */
  publish: { from: ["submitted"], to: "published" },
  /** The embassy or the DAECT asks the author to complete it. */
  askInformation: { from: ["submitted"], to: "under_review" },
  /** The author sends it again, completed. */
  resubmit: { from: ["under_review"], to: "submitted" },
  decline: { from: ["submitted", "under_review"], to: "declined" },
  /** A French collectivité says it is interested. */
  expressInterest: { from: ["published", "in_contact"], to: "in_contact" },
  /** The parties agree: an Atlas partnership is recorded. */
  match: { from: ["in_contact"], to: "matched" },
  renew: { from: ["published", "in_contact"], to: "same" },
  expire: { from: ["published", "in_contact"], to: "closed" },
  close: {
    from: ["draft", "submitted", "under_review", "published", "in_contact", "matched"],
    to: "closed",
  },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus | "same" }>;

export type RequestEvent = keyof typeof requestEvents;

export function canFire(status: RequestStatus, event: RequestEvent): boolean {
  return (requestEvents[event].from as readonly RequestStatus[]).includes(status);
}

/** The state after the event, or null when the event does not apply to this state. */
export function nextStatus(status: RequestStatus, event: RequestEvent): RequestStatus | null {
  if (!canFire(status, event)) return null;
  const to = requestEvents[event].to;
  return to === "same" ? status : to;
}

/** The author changes the request only while nobody else acts on it. */
export const authorMayEdit = (status: RequestStatus) =>
  status === "draft" || status === "under_review";

/** Contact details stay private until a collectivité has expressed interest. */
export const isPublicStatus = (status: RequestStatus) =>
  status === "published" || status === "in_contact" || status === "matched";

/** The date a publication (or its renewal) ends: twelve months later. */
export function expiryAfter(from: Date, months: number): Date {
  const end = new Date(from);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/** Expressing a state change in French for errors: "cette demande est déjà publiée". */
export function refusalFor(event: RequestEvent): string {
  const messages: Record<RequestEvent, string> = {
    submit: "Cette demande a déjà été transmise.",
    publish: "Seule une demande transmise et non encore examinée peut être publiée.",
    askInformation: "Un complément ne peut être demandé que pour une demande transmise.",
    resubmit: "Cette demande n'attend pas de complément.",
    decline: "Seule une demande en cours d'examen peut être refusée.",
    expressInterest: "Cette demande n'est pas ouverte aux marques d'intérêt.",
    match: "Un partenariat ne peut être conclu qu'après une mise en relation.",
    renew: "Seule une demande publiée peut être prolongée.",
    expire: "Cette demande n'est pas publiée.",
    close: "Cette demande est déjà close.",
  };
  return messages[event];
}
