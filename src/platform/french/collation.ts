/**
 * French alphabetical order, accents and case ignored: "Bénin" before "Burkina Faso",
 * "Égypte" among the E. The databases sort by byte (collation C), so lists ordered in SQL
 * use `frenchOrder` (platform/db) and lists ordered here use this.
 */
export const frenchCompare = new Intl.Collator("fr").compare;
