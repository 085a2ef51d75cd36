import countries from "i18n-iso-countries";
import type { Page } from "playwright-core";
import "../../src/platform/i18n/portal-texts";
import "../../src/modules/bourse/texts/index";
import type { PageLanguage } from "../../src/platform/i18n/languages";
import { type Dictionary, declaredTexts } from "../../src/platform/i18n/translator";
import "../../src/reference/country-names";

/** Names every language keeps, and the State sites the DSFR footer links to. */
const PROPER_NAMES = [/^Portail AECT$/, /^[a-z-]+(\.gouv)?\.fr$/];

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const leaves = (dictionary: Dictionary): string[] =>
  Object.values(dictionary).flatMap((value) =>
    typeof value === "string" ? [value] : leaves(value),
  );

/** Each text of a language's dictionaries as a pattern, a `{{value}}` standing for anything. */
function patternsOf(lang: PageLanguage, typed: string[]): RegExp[] {
  const texts = declaredTexts().flatMap((namespace) => leaves(namespace.dictionaries[lang]));
  const names = Object.values(countries.getNames(lang, { select: "official" }));
  return [
    ...texts.map(
      (text) => new RegExp(`^${literal(text.trim()).replace(/\\\{\\\{\w+\\\}\\\}/g, ".+")}$`, "s"),
    ),
    ...[...names, ...typed].map((text) => new RegExp(`^${literal(text)}$`)),
    ...PROPER_NAMES,
  ];
}

/**
 * The visible texts of the page, in the page's language, that are not a text of that
 * language's dictionaries (a country name, or what the person typed): what a reader of that
 * language would find untranslated. Texts marked in another language (`lang`) or as names
 * (`translate="no"`) are left out, as are bare numbers and punctuation.
 */
export async function untranslatedTexts(
  page: Page,
  lang: PageLanguage,
  typed: string[] = [],
): Promise<string[]> {
  const texts: string[] = await page.evaluate((pageLang) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template, [translate='no']"))
        continue;
      if (parent.closest("[lang]")?.getAttribute("lang") !== pageLang) continue;
      const text = node.textContent?.replace(/\s+/g, " ").trim() ?? "";
      if (text) found.push(text);
    }
    return found;
  }, lang);
  const patterns = patternsOf(lang, typed);
  const meaningful = (text: string) => /\p{L}/u.test(text);
  const unwrapped = (text: string) => text.replace(/^[\s–·,:;()]+|[\s–·,:;()]+$/g, "");
  const known = (text: string) => patterns.some((pattern) => pattern.test(text));
  // A list shown as one text ("Spanish, French") is known when each of its items is.
  const knownList = (text: string) => text.includes(", ") && text.split(", ").every(known);
  return [
    ...new Set(
      texts
        .filter(meaningful)
        .filter((text) => !known(text) && !known(unwrapped(text)) && !knownList(text)),
    ),
  ];
}
