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
  { article: string; of: string; to: string; inName?: RegExp; contracted?: boolean }
> = {
  0: { article: "", of: "de ", to: "à " },
  1: { article: "", of: "d'", to: "à " },
  2: { article: "le ", of: "du ", to: "au ", inName: /^Le /, contracted: true },
  3: { article: "la ", of: "de la ", to: "à la ", inName: /^La / },
  4: { article: "les ", of: "des ", to: "aux ", inName: /^Les /, contracted: true },
  5: { article: "l'", of: "de l'", to: "à l'", inName: /^L'/ },
  6: { article: "aux ", of: "des ", to: "aux ", inName: /^Aux /, contracted: true },
  7: { article: "las ", of: "de las ", to: "à las ", inName: /^Las / },
  8: { article: "los ", of: "de los ", to: "à los ", inName: /^Los / },
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
  if (tncc === null) {
    // No code: the article the name carries says it ("Le Caire", "Les Abymes").
    const carried = carriedArticle(name);
    if (carried) return carried.of + carried.rest;
    // Before a vowel; a mute h ("d'Haïti") comes from the reference tables, not a guess.
    if (startsWithVowel(name)) return `d'${name}`;
  }
  return form.of + name;
}

const startsWithVowel = (name: string) => /^[AEIOUYÂÀÉÈÊÎÏÔÛ]/i.test(name);

/** The merged forms of an article a name starts with: "Le Mans" → "du", "au" + "Mans". */
function carriedArticle(name: string) {
  const match = /^(Le|Les|Aux) (.+)$/.exec(name);
  if (!match) return null;
  const masculine = match[1] === "Le";
  return { of: masculine ? "du " : "des ", to: masculine ? "au " : "aux ", rest: match[2] };
}

/**
 * Bodies are named after a common noun ("Région Bretagne", "Département du Finistère",
 * "Communauté d'agglomération du Pays basque", "Province de Kénitra"): that noun takes its
 * article after "de" and "à". Anything else is a place's own name.
 */
const headNouns: Record<string, "f" | "m"> = {
  Agence: "f",
  Agglomération: "f",
  Ambassade: "f",
  Assemblée: "f",
  Association: "f",
  Collectivité: "f",
  Commune: "f",
  Communauté: "f",
  Eurométropole: "f",
  Intercommunalité: "f",
  Mairie: "f",
  Métropole: "f",
  Municipalité: "f",
  Préfecture: "f",
  Province: "f",
  Région: "f",
  Ville: "f",
  Wilaya: "f",
  Canton: "m",
  Comté: "m",
  Conseil: "m",
  Consulat: "m",
  Délégation: "f",
  Département: "m",
  Direction: "f",
  District: "m",
  Établissement: "m",
  État: "m",
  Gouvernorat: "m",
  Groupement: "m",
  Ministère: "m",
  Pays: "m",
  Réseau: "m",
  Syndicat: "m",
  Territoire: "m",
};

function headNounOf(name: string) {
  // The first word alone: "Ville-d'Avray" is a commune, not a body.
  const gender = headNouns[name.split(/\s/, 1)[0]];
  if (!gender) return null;
  if (startsWithVowel(name)) return { article: "l'", of: "de l'", to: "à l'" };
  return gender === "f"
    ? { article: "la ", of: "de la ", to: "à la " }
    : { article: "le ", of: "du ", to: "au " };
}

/**
 * "de" before the name of a collectivité, a body or a town: "de la Région Bretagne", "du
 * Département du Finistère", "de l'Eurométropole de Strasbourg", "de Rennes", "du Mans",
 * "d'Angers". `tncc` is the article code when the name is a bare place name.
 */
export function ofName(name: string, tncc: number | null = null): string {
  const head = headNounOf(name);
  return head ? head.of + name : ofPlace(name, tncc);
}

/** Such a name in a sentence: "la Région Bretagne", "l'Eurométropole de Strasbourg", "Rennes". */
export function nameWithArticle(name: string, tncc: number | null = null): string {
  const head = headNounOf(name);
  return head ? head.article + name : placeWithArticle(name, tncc);
}

/** "à" before such a name: "à la Région Bretagne", "au Département du Finistère", "au Mans". */
export function toName(name: string, tncc: number | null = null): string {
  const head = headNounOf(name);
  if (head) return head.to + name;
  if (tncc === null) {
    const carried = carriedArticle(name);
    return carried ? carried.to + carried.rest : `à ${name}`;
  }
  const form = forms[tncc] ?? forms[0];
  if (form.inName?.test(name))
    return form.contracted ? form.to + name.replace(form.inName, "") : `à ${name}`;
  return form.to + name;
}

/** A country's French name and, when the reference knows them, its forms after "de" and "à". */
export interface CountryNames {
  nameFr: string;
  nameWithArticle?: string | null;
  nameAfterDe?: string | null;
  nameAfterA?: string | null;
}

/** "du Sénégal", "des Comores", "de Madagascar", "d'Haïti". */
export const ofCountry = (country: CountryNames) =>
  country.nameAfterDe ?? ofPlace(country.nameFr, null);

/** "au Sénégal", "aux Comores", "à Madagascar", "en Haïti", "en Tunisie". */
export const inCountry = (country: CountryNames) => country.nameAfterA ?? `à ${country.nameFr}`;

/** "le Sénégal", "les Comores", "Madagascar", "Haïti". */
export const countryWithArticle = (country: CountryNames) =>
  country.nameWithArticle ?? country.nameFr;
