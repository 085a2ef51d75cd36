/**
 * French place names with their article and their "de", from the INSEE "type de nom en
 * clair" (TNCC) of the official geographic code: "le Finistère" / "du Finistère",
 * "la Manche" / "de la Manche", "les Côtes-d'Armor" / "des Côtes-d'Armor",
 * "l'Ain" / "de l'Ain", "Ille-et-Vilaine" / "d'Ille-et-Vilaine". Commune names carry their
 * own article ("Le Mans", "La Rochelle", "L'Haÿ-les-Roses"): "du Mans", "de La Rochelle".
 * Source of the codes: INSEE, COG documentation, variable TNCC.
 */

/**
 * What a name is written with, per TNCC: its article, the form after "de", the article as
 * a commune's name carries it, and whether "de" merges with that article ("du", "des").
 */
const forms: Record<
  number,
  { article: string; of: string; inName?: RegExp; contracted?: boolean }
> = {
  0: { article: "", of: "de " },
  1: { article: "", of: "d'" },
  2: { article: "le ", of: "du ", inName: /^Le /, contracted: true },
  3: { article: "la ", of: "de la ", inName: /^La / },
  4: { article: "les ", of: "des ", inName: /^Les /, contracted: true },
  5: { article: "l'", of: "de l'", inName: /^L'/ },
  6: { article: "aux ", of: "des ", inName: /^Aux /, contracted: true },
  7: { article: "las ", of: "de las ", inName: /^Las / },
  8: { article: "los ", of: "de los ", inName: /^Los / },
};

/** A place as it is named in a sentence: "le Finistère", "La Rochelle", "Paris". */
export function placeWithArticle(name: string, tncc: number | null): string {
  const form = forms[tncc ?? 0] ?? forms[0];
  if (form.inName?.test(name) || !form.article) return name;
  return form.article + name;
}

/**
 * "de" and the place, as French writes it: "du Finistère", "de la Manche", "des
 * Hauts-de-France", "d'Ille-et-Vilaine", "du Mans" (Le Mans), "de La Rochelle".
 */
export function ofPlace(name: string, tncc: number | null): string {
  const form = forms[tncc ?? 0] ?? forms[0];
  // "Le", "Les" and "Aux" merge with "de"; "La", "L'" and others stay as the name writes them.
  if (form.inName?.test(name))
    return form.contracted ? form.of + name.replace(form.inName, "") : `de ${name}`;
  // Before a vowel; a mute h ("d'Haïti") comes from the reference tables, not a guess.
  if (tncc === null && /^[AEIOUYÂÉÈÊÎÏÔÛ]/i.test(name)) return `d'${name}`;
  return form.of + name;
}

/** A country's French name and, when the reference knows them, its forms after "de" and "à". */
export interface CountryNames {
  nameFr: string;
  nameAfterDe?: string | null;
  nameAfterA?: string | null;
}

/** "du Sénégal", "des Comores", "de Madagascar", "d'Haïti". */
export const ofCountry = (country: CountryNames) =>
  country.nameAfterDe ?? ofPlace(country.nameFr, null);

/** "au Sénégal", "aux Comores", "à Madagascar", "en Haïti", "en Tunisie". */
export const inCountry = (country: CountryNames) => country.nameAfterA ?? `à ${country.nameFr}`;
