import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

type Document = DefaultTreeAdapterMap["document"];
type Element = DefaultTreeAdapterMap["element"];
type ChildNode = DefaultTreeAdapterMap["childNode"];
type TextNode = DefaultTreeAdapterMap["textNode"];

/** Words that end in s in the singular, or never change. */
const INVARIABLE = new Set([
  "accès",
  "avis",
  "bras",
  "cours",
  "fois",
  "mois",
  "pays",
  "plus",
  "processus",
  "recours",
  "succès",
  "dans",
  "sous",
  "lors",
  "mais",
  "puis",
  "depuis",
  "vers",
  "tous",
  "très",
  "après",
  "près",
]);

/** Nouns the portal counts, in the singular: after a number of two or more they take an s. */
const COUNTED = [
  "projet",
  "demande",
  "ligne",
  "collectivité",
  "partenariat",
  "offre",
  "tâche",
  "erreur",
  "autorité",
  "organisation",
  "résultat",
  "relance",
  "membre",
  "session",
  "fichier",
  "extraction",
  "minute",
  "seconde",
  "campagne",
  "déclaration",
  "tentative",
  "zone",
  "lieu",
];

const INFINITIVE = /^[a-zàâçéèêëîïôûùüÿœ]+(er|ir|re|oir)$/;
const NUMBER = String.raw`(?<![\d,.])(\d{1,3}(?:[\s\u00a0\u202f]\d{3})*|\d+)`;

/**
 * Faults a French reader sees at once in a generated text: an article not merged with "de"
 * or "à" ("de le Finistère", "à les Comores", "de Les Abymes"), "de" not elided before a
 * vowel ("de Ille-et-Vilaine"), a count whose noun does not agree ("1 projets", "3 ligne"),
 * and the "(s)" of a text that did not count.
 */
export function frenchFaults(text: string): string[] {
  const faults: string[] = [];
  const flag = (match: RegExpExecArray) =>
    faults.push(text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30));

  // "de le Finistère", "à les Comores", "de Les Abymes"; "de le faire" is a pronoun.
  for (const match of text.matchAll(/(?<![\p{L}'’])(de|à) (le|les|Le|Les) ([\p{L}'’-]+)/gu)) {
    const [, , article, next] = match;
    if (/^l/.test(article) && INFINITIVE.test(next)) continue;
    flag(match as RegExpExecArray);
  }
  // "de Ille-et-Vilaine", "de Angers", "de une": d' before a vowel (acronyms aside).
  for (const match of text.matchAll(
    /(?<![\p{L}'’])de ([AEIOUÂÉÈÊÎÔÛaeiouâéèêîôû][a-zàâçéèêëîïôûùüÿœ][\p{L}'’-]*)/gu,
  ))
    flag(match as RegExpExecArray);
  // "1 projets", "0 demandes".
  for (const match of text.matchAll(
    /(?<![\d,.\s\u00a0\u202f])\b([01]) ([a-zàâçéèêëîïôûùüÿœ]+s)\b/gu,
  ))
    if (!INVARIABLE.has(match[2])) flag(match as RegExpExecArray);
  // "3 projet", "12 ligne".
  for (const match of text.matchAll(
    new RegExp(String.raw`${NUMBER} (${COUNTED.join("|")})(?![\p{L}])`, "gu"),
  )) {
    // Four bare digits are a year ("la campagne 2026"): counts are written "2 026".
    if (/^\d{4}$/.test(match[1])) continue;
    if (Number(match[1].replace(/\D/g, "")) >= 2) flag(match as RegExpExecArray);
  }
  // "ligne(s)", "importée(s)".
  for (const match of text.matchAll(/\p{L}\((s|es|x)\)/gu)) flag(match as RegExpExecArray);
  return faults;
}

/**
 * The French text a person reads on a page: visible text, titles, labels and alternatives,
 * without scripts, without parts marked in another language (`lang="en"`, `lang="es"`) and
 * without foreign proper names marked not to translate (`translate="no"`).
 */
export function readableFrenchText(html: string): string {
  const pieces: string[] = [];
  const walk = (node: ChildNode | Document | Element) => {
    if (node.nodeName === "script" || node.nodeName === "style" || node.nodeName === "template")
      return;
    if ("attrs" in node) {
      const attribute = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      const lang = attribute("lang");
      if (lang && !lang.startsWith("fr")) return;
      // Proper names kept as they are written in their country ("Barri de les Corts").
      if (attribute("translate") === "no") return;
      for (const attribute of node.attrs)
        if (["title", "aria-label", "alt", "placeholder"].includes(attribute.name))
          pieces.push(attribute.value);
    }
    if (node.nodeName === "#text") pieces.push((node as TextNode).value);
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html));
  return pieces.join(" ").replace(/[ \t]+/g, " ");
}
