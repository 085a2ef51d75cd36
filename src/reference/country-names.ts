import countries from "i18n-iso-countries";
import countriesEn from "i18n-iso-countries/langs/en.json" with { type: "json" };
import countriesEs from "i18n-iso-countries/langs/es.json" with { type: "json" };
import type { PageLanguage } from "../platform/i18n/languages";

countries.registerLocale(countriesEn);
countries.registerLocale(countriesEs);

/**
 * A country's name in a page language. French pages keep the portal's own French names
 * (`ref_countries.name_fr`, with their articles and prepositions); English and Spanish ones
 * take the CLDR-based names of `i18n-iso-countries`, the French name where it has none.
 */
export function countryNameIn(lang: PageLanguage, code: string, frenchName: string): string {
  if (lang === "fr") return frenchName;
  return countries.getName(code, lang, { select: "official" }) ?? frenchName;
}

/** Countries as [code, name] in a page language, in that language's alphabetical order. */
export function countryChoicesIn(
  lang: PageLanguage,
  frenchNames: ReadonlyMap<string, string>,
): [string, string][] {
  const named = [...frenchNames].map(([code, name]): [string, string] => [
    code,
    countryNameIn(lang, code, name),
  ]);
  if (lang === "fr") return named;
  const collator = new Intl.Collator(lang, { sensitivity: "base" });
  return named.sort((a, b) => collator.compare(a[1], b[1]));
}
