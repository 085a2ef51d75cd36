import { type SQL, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

// PostgreSQL accepts at most 65,535 bind parameters per statement.
const MAX_PARAMETERS = 30_000;
// Rows per statement are counted in text: a few megabytes per round trip.
const MAX_CHUNK_CHARACTERS = 8_000_000;

/**
 * Inserts many rows in as few statements as possible. When every row gives every column
 * and no column is an array, each column travels as one array parameter and the rows come
 * out of `unnest`: building one text per column costs far less than binding one parameter
 * per value (this is what makes the large demo datasets quick to load). Otherwise, rows go
 * as a multi-row INSERT within the parameter limit.
 */
export async function insertInChunks<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const columnsByKey = getTableColumns(table) as Record<string, PgColumn>;
  // Drizzle binds every column any row mentions, so count the union of keys.
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row as object)) keys.add(key);
  const columns = [...keys].map((key) => [key, columnsByKey[key]] as const);
  const everyRowComplete = rows.every((row) => Object.keys(row as object).length === keys.size);
  if (everyRowComplete && columns.every(([, column]) => castOf(column) !== null)) {
    await insertByColumns(q, table, columns, rows as Record<string, unknown>[]);
    return;
  }
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, keys.size)));
  for (let start = 0; start < rows.length; start += chunkSize) {
    await q.insert(table).values(rows.slice(start, start + chunkSize));
  }
}

/** The type a text value of the column is cast to, or null for columns sent otherwise. */
function castOf(column: PgColumn): string | null {
  const type = column.getSQLType();
  if (type.endsWith("]")) return null;
  if (type === "serial") return "integer";
  if (type === "bigserial") return "bigint";
  return type;
}

async function insertByColumns(
  q: Queryable,
  table: PgTable,
  columns: (readonly [string, PgColumn])[],
  rows: Record<string, unknown>[],
) {
  let start = 0;
  while (start < rows.length) {
    const values: (string | null)[][] = columns.map(() => []);
    let characters = 0;
    let end = start;
    while (end < rows.length && (end === start || characters < MAX_CHUNK_CHARACTERS)) {
      const row = rows[end];
      columns.forEach(([key, column], i) => {
        const value = row[key];
        const text =
          value === null || value === undefined ? null : String(column.mapToDriverValue(value));
        values[i].push(text);
        characters += text?.length ?? 0;
      });
      end += 1;
    }
    const names = columns.map(([, column]) => sql.identifier(column.name));
    const arrays = values.map((list) => sql`${arrayLiteral(list)}::text[]`);
    const casts: SQL[] = columns.map(
      ([, column], i) => sql`${sql.identifier(`c${i}`)}::${sql.raw(castOf(column)!)}`,
    );
    await q.execute(sql`
      INSERT INTO ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
      SELECT ${sql.join(casts, sql`, `)}
        FROM unnest(${sql.join(arrays, sql`, `)})
          AS u(${sql.join(
            columns.map((_, i) => sql.identifier(`c${i}`)),
            sql`, `,
          )})`);
    start = end;
  }
}

/** A PostgreSQL array literal of texts: one parameter however many rows. */
function arrayLiteral(list: (string | null)[]): string {
  const items = list.map((item) =>
    item === null ? "NULL" : `"${item.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(",")}}`;
}
