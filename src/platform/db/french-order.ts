import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * An ORDER BY term in French alphabetical order, accents and case ignored, whatever the
 * server's collation (both the embedded database and the server sort by byte): "Bénin"
 * before "Burkina Faso", "Égypte" among the E. The name itself breaks ties. A string is a
 * column written in the query's own text ("c.name"), never a value.
 */
export function frenchOrder(expression: SQLWrapper | string): SQL {
  const term = typeof expression === "string" ? sql.raw(expression) : expression;
  return sql`${folded(term)}, ${term}`;
}

/** A text with its accents and case taken away, to compare or order names as French reads them. */
export const folded = (expression: SQLWrapper): SQL => sql`lower(unaccent(${expression}))`;

/** Typed text as a LIKE pattern that matches it literally (its % and _ are not wildcards). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
