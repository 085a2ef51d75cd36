import type { PageLanguage } from "../../src/platform/i18n/languages";
import { longDate } from "../../src/platform/french-format";

/**
 * Dates are stored in UTC and shown in French, in Paris time, whatever the server's zone.
 * Values arrive from loaders as Date objects or ISO strings.
 */
const inParis = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("fr-FR", { ...options, timeZone: "Europe/Paris" });

const formats = {
  /** 12/03/2026 14:05 */
  dateTime: inParis({ dateStyle: "short", timeStyle: "short" }),
  /** 12/03/2026 14:05:09, for journals where order within a minute matters. */
  dateTimeSeconds: inParis({ dateStyle: "short", timeStyle: "medium" }),
};

/** "12/03/2026 14:05", or "12 mars 2026" / "1er mars 2026" (`longDate`). */
export function formatDate(
  value: Date | string,
  format: keyof typeof formats | "longDate",
): string {
  return format === "longDate" ? longDate(value) : formats[format].format(new Date(value));
}

const foreignFormats = {
  dateTime: { dateStyle: "short", timeStyle: "short" },
  dateTimeSeconds: { dateStyle: "short", timeStyle: "medium" },
} as const;

/**
 * A date in the page's language: French as `formatDate`; a long date as the mails write it
 * (`longDate`); day and time by `Intl`, in Paris time.
 */
export function formatDateIn(
  lang: PageLanguage,
  value: Date | string,
  format: keyof typeof formats | "longDate",
): string {
  if (lang === "fr") return formatDate(value, format);
  if (format === "longDate") return longDate(value, lang);
  return new Intl.DateTimeFormat(lang, {
    ...foreignFormats[format],
    timeZone: "Europe/Paris",
  }).format(new Date(value));
}

/** Amounts are stored as integer cents; shown as "12 345,00 €". */
export { frenchEuros as formatEuros } from "../../src/platform/french-format";

const shareFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** A part of a whole as a French reader writes it: « 12,5 % » (« 0 % » of nothing). */
export function formatShare(part: number, total: number): string {
  return shareFormat.format(total === 0 ? 0 : part / total);
}

export function formatCount(value: number): string {
  return value.toLocaleString("fr-FR");
}

export { countOf, type Noun, sentenceCase } from "../../src/platform/french/counts";
export { ofName, toName } from "../../src/platform/french/place-names";
