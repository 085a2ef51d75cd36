import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "./client";

/**
 * A table of counts kept by the write path (the Atlas's facet counts, its partner figures):
 * rows of key columns and a count, where a write removes what its source rows contributed
 * before it and adds what they contribute after, in its own transaction.
 */
export interface KeptCounts {
  table: string;
  keys: readonly string[];
  count: string;
  /** The key of the row every writer locks first (created if missing). */
  anchor: readonly string[];
}

const names = (columns: readonly string[]) =>
  sql.join(
    columns.map((column) => sql.identifier(column)),
    sql`, `,
  );

/** Makes sure the anchor row exists (with a count of 0). */
export async function ensureAnchor(q: Queryable, counts: KeptCounts) {
  await q.execute(sql`
    INSERT INTO ${sql.identifier(counts.table)} (${names(counts.keys)}, ${sql.identifier(counts.count)})
    VALUES (${sql.join(
      counts.anchor.map((value) => sql`${value}`),
      sql`, `,
    )}, 0)
    ON CONFLICT DO NOTHING`);
}

/**
 * Adds (1) or removes (-1) `contributions` (rows of the key columns then the count, in
 * that order). Every writer first locks the anchor row, so concurrent writers take turns
 * instead of locking the same rows in different orders; rows are then written in key order.
 */
export async function applyKeptCounts(
  q: Queryable,
  counts: KeptCounts,
  contributions: SQL,
  sign: 1 | -1,
) {
  const table = sql.identifier(counts.table);
  const count = sql.identifier(counts.count);
  await ensureAnchor(q, counts);
  await q.execute(sql`
    SELECT 1 FROM ${table}
     WHERE ${sql.join(
       counts.keys.map((key, i) => sql`${sql.identifier(key)} = ${counts.anchor[i]}`),
       sql` AND `,
     )}
       FOR UPDATE`);
  const keyOrder = sql.raw(counts.keys.map((_, i) => String(i + 1)).join(", "));
  await q.execute(sql`
    INSERT INTO ${table} AS kept (${names(counts.keys)}, ${count})
    SELECT ${sql.join(
      counts.keys.map((key) => sql`d.${sql.identifier(key)}`),
      sql`, `,
    )}, ${sign}::int * d.${count}
      FROM (${contributions}) d(${names(counts.keys)}, ${count})
     ORDER BY ${keyOrder}
    ON CONFLICT (${names(counts.keys)})
    DO UPDATE SET ${count} = kept.${count} + excluded.${count}`);
}
