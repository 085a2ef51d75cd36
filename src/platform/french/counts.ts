/**
 * French counts with their noun agreed: "aucune demande", "1 demande", "2 demandes"
 * ("aucun projet" for a masculine noun). French keeps the singular below two.
 */
export type Gender = "f" | "m";
/** A noun as a count writes it: singular, plural, gender. */
export type Noun = [singular: string, plural: string, gender: Gender];

export function countOf(value: number, singular: string, plural: string, gender: Gender): string {
  if (value === 0) return `${gender === "f" ? "aucune" : "aucun"} ${singular}`;
  return `${value.toLocaleString("fr-FR")} ${value >= 2 ? plural : singular}`;
}

/** A phrase put at the start of a sentence or a heading: "Aucune demande". */
export const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
