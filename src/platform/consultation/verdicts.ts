/**
 * The structured answer of a consulted organisation, and who sees it. Client-safe: the
 * pages that show opinions import these labels.
 */
export const opinionVerdicts = [
  "favourable",
  "favourable_with_reservations",
  "unfavourable",
  "no_opinion",
] as const;
export type OpinionVerdict = (typeof opinionVerdicts)[number];

export const opinionVerdictLabels: Record<OpinionVerdict, string> = {
  favourable: "Favorable",
  favourable_with_reservations: "Favorable avec réserves",
  unfavourable: "Défavorable",
  no_opinion: "Sans avis",
};

/**
 * Confidential: only the asker reads the opinion (and the organisation that gave it).
 * Shared: the other organisations consulted on the same record read it too.
 */
export const opinionVisibilities = ["confidential", "shared"] as const;
export type OpinionVisibility = (typeof opinionVisibilities)[number];

export const opinionVisibilityLabels: Record<OpinionVisibility, string> = {
  confidential: "Confidentiel : chaque service consulté ne lit que son propre avis",
  shared: "Partagé : les services consultés lisent aussi les avis des autres",
};

/** An opinion's attachment: one PDF or image of 10 Mo at most. */
export const MAX_OPINION_ATTACHMENT_BYTES = 10 * 1024 * 1024;
