import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

// PostgreSQL accepts at most 65,535 bind parameters per statement.
const MAX_PARAMETERS = 30_000;

/** Inserts many rows in as few statements as the parameter limit allows. */
export async function insertInChunks<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  // Drizzle binds every column any row mentions, so count the union of keys.
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row as object)) columns.add(key);
  const columnsPerRow = Math.max(1, columns.size);
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / columnsPerRow));
  for (let start = 0; start < rows.length; start += chunkSize) {
    await q.insert(table).values(rows.slice(start, start + chunkSize));
  }
}
