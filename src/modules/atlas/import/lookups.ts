/** Text compared the way people mean it: case, accents, apostrophes and spaces ignored. */
export function comparable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Finds the code of a value typed either as its code or as its French label. Returns
 * undefined when neither matches.
 */
export function codeLookup(entries: Iterable<[string, string]>) {
  const byText = new Map<string, string>();
  for (const [code, label] of entries) {
    byText.set(comparable(label), code);
    byText.set(comparable(code), code);
  }
  return (value: string) => byText.get(comparable(value));
}

/** A cell holding several values separated by commas. */
export const splitList = (cell: string | undefined) =>
  (cell ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Maps each value of a list cell to its code; the unknown ones are returned for a message
 * that names them.
 */
export function codesOf(cell: string | undefined, lookup: (value: string) => string | undefined) {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const value of splitList(cell)) {
    const code = lookup(value);
    if (code) codes.push(code);
    else unknown.push(value);
  }
  return { codes, unknown };
}

/** A date typed JJ/MM/AAAA or AAAA-MM-JJ, as ISO text; null if it is not a real date. */
export function parseFrenchDate(value: string): string | null {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!year) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2100) return null;
  return date.toISOString().slice(0, 10);
}
