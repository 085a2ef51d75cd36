import { type SQL, sql } from "drizzle-orm";

/** `column IN (v1, v2, …)` with each value bound as a parameter; the list must not be empty. */
export function inList(column: SQL, values: readonly (string | number)[]): SQL {
  return sql`${column} IN (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

/**
 * `column = ANY(…)` with the whole list as one parameter (an integer array literal): for
 * the long lists of ids that windows of an export carry.
 */
export function anyOfIds(column: SQL, ids: ArrayLike<number>): SQL {
  return sql`${column} = ANY(${`{${Array.from(ids).join(",")}}`}::int[])`;
}

/** The conjunction of the conditions given (nulls skipped); `true` when there is none. */
export function allOf(conditions: readonly (SQL | null)[]): SQL {
  const kept = conditions.filter((condition): condition is SQL => condition !== null);
  return kept.length > 0 ? sql.join(kept, sql` AND `) : sql`true`;
}
