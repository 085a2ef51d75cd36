const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** Integer cents as French readers write euros: "12 500,50 €". */
export const frenchEuros = (cents: number) => euroFormat.format(cents / 100);

/** Integer cents as a person types them in a form: "12500,50", or "12500" for whole euros. */
export function amountInputText(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest ? `${euros},${String(rest).padStart(2, "0")}` : String(euros);
}

/**
 * A day as written in a letter, in Paris time: "23 novembre 2026", "1er décembre 2026" (or
 * in the reader's language). A calendar day ("2026-06-30", a date column) is that day
 * wherever it is read; a moment (a Date, or its ISO text from a loader) is its Paris day.
 */
export function longDate(date: Date | string, language = "fr"): string {
  const moment =
    typeof date === "string" && date.length === 10 ? new Date(`${date}T12:00:00Z`) : new Date(date);
  const written = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : language, {
    dateStyle: "long",
    timeZone: "Europe/Paris",
  }).format(moment);
  // French writes the first of the month as an ordinal.
  return language === "fr" ? written.replace(/^1 /, "1er ") : written;
}

/** The calendar day in Paris of a moment, as "AAAA-MM-JJ": deadlines are French days. */
const parisDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
export const parisDay = (moment: Date) => parisDayFormat.format(moment);
