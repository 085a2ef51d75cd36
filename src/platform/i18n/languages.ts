/**
 * The languages a page may be read in. French is the portal's language and the reference of
 * every dictionary; English and Spanish serve the foreign authorities.
 */
export const pageLanguages = ["fr", "en", "es"] as const;
export type PageLanguage = (typeof pageLanguages)[number];

/** Each language named in itself, as a language switch shows it. */
export const languageNames: Record<PageLanguage, string> = {
  fr: "Français",
  en: "English",
  es: "Español",
};

/** A `?langue=` value or a stored language as a page language; French for anything else. */
export const languageOf = (value: string | null | undefined): PageLanguage =>
  value === "en" || value === "es" ? value : "fr";
