/**
 * The Bourse's states and choices with their French labels. Pure: pages import it directly.
 */

/**
 * A partnership request's life: written (or awaiting the author's address check), sent,
 * sent back to its author for more information, published, answered by at least one
 * collectivité, matched into an Atlas partnership, closed (by its author, the DAECT or
 * expiry), or declined with a reason.
 */
export const requestStatuses = [
  "draft",
  "submitted",
  "under_review",
  "published",
  "in_contact",
  "matched",
  "closed",
  "declined",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestStatusLabels: Record<RequestStatus, string> = {
  draft: "Brouillon",
  submitted: "Transmise, à examiner",
  under_review: "Complément demandé à l'auteur",
  published: "Publiée",
  in_contact: "En relation",
  matched: "Partenariat conclu",
  closed: "Close",
  declined: "Refusée",
};

/** Statuses shown on the public Bourse. */
export const publicRequestStatuses = ["published", "in_contact", "matched"] as const;

/**
 * An offer's life: written, received by the DAECT, out for opinions (prefecture and
 * embassies, by a deadline), then published ("diffusée") or not, and closed at the end.
 */
export const offerStatuses = [
  "draft",
  "submitted",
  "consultation",
  "published",
  "not_published",
  "closed",
] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export const offerStatusLabels: Record<OfferStatus, string> = {
  draft: "Brouillon",
  submitted: "Reçue par la DAECT",
  consultation: "Avis demandés",
  published: "Diffusée",
  not_published: "Non diffusée",
  closed: "Close",
};

/** The kind of French collectivité a foreign authority looks for. */
export const partnerKinds = ["any", "commune", "epci", "departement", "region"] as const;
export const partnerKindLabels: Record<(typeof partnerKinds)[number], string> = {
  any: "Tout type de collectivité",
  commune: "Commune",
  epci: "Intercommunalité",
  departement: "Département",
  region: "Région",
};

/** Population bands used to compare the size of the partners. */
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerSizes = ["any", "small", "medium", "large"] as const;
export type PartnerSize = (typeof partnerSizes)[number];
export const partnerSizeLabels: Record<(typeof partnerSizes)[number], string> = {
  any: "Toute taille",
  small: "Moins de 20 000 habitants",
  medium: "20 000 à 200 000 habitants",
  large: "Plus de 200 000 habitants",
};

export const requestLanguages = ["fr", "en", "es", "pt", "ar"] as const;
export const requestLanguageLabels: Record<(typeof requestLanguages)[number], string> = {
  fr: "Français",
  en: "Anglais",
  es: "Espagnol",
  pt: "Portugais",
  ar: "Arabe",
};

/** A request's language as a French sentence names it: « rédigée en anglais ». */
export const requestLanguageInSentence = (code: string) =>
  (requestLanguageLabels[code as "fr"] ?? code).toLocaleLowerCase("fr");

/** Months a published entry stays on the Bourse, and when its author is reminded. */
export const PUBLICATION_MONTHS = 12;
export const EXPIRY_REMINDER_DAYS = 30;

/** The languages a request is written in: the page languages of the portal. */
export {
  type PageLanguage as FormLanguage,
  languageNames as formLanguageNames,
  languageOf as formLanguageOf,
  pageLanguages as formLanguages,
} from "../../platform/i18n/languages";
