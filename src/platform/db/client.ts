import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The typed query builder, the same type whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or a transaction. */
export type Queryable = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** The driver's own client, for migrations and bulk loading. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; "memory://" keeps the database in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (used by tests to clone a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

// PostgreSQL returns int8 (bigint) columns and COUNT(*) as strings; every amount the portal
// stores is integer cents well below 2^53, so numbers are safe and simpler to handle.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export const pgliteExtensions = { unaccent, pg_trgm };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    const db = drizzleNodePostgres(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", pool, close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? "./data";
  if (!dataDir.startsWith("memory://")) mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir.startsWith("memory://") ? undefined : dataDir, {
    extensions: pgliteExtensions,
    loadDataDir: options.loadDataDir,
    parsers: { 20: (value: string) => Number.parseInt(value, 10) },
  });
  yieldBetweenQueries(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", pglite: client, close: () => client.close() };
}

/**
 * PGlite runs each statement synchronously in this process and answers through promises
 * alone, so a chain of statements (a seed, a rebuild, a page with many reads) never lets
 * the event loop read a socket: other requests, timers and a parent process's messages
 * wait for the whole chain. Each statement first gives the loop one turn.
 */
function yieldBetweenQueries(client: PGlite): void {
  giveTurns(client);
  const transaction = client.transaction.bind(client);
  client.transaction = (callback) =>
    transaction((tx) => {
      giveTurns(tx);
      return callback(tx);
    });
}

/** Makes `query` and `exec` of the client, or of one of its transactions, wait one turn first. */
function giveTurns(target: Pick<PGlite, "query" | "exec">): void {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const query = target.query.bind(target);
  const exec = target.exec.bind(target);
  target.query = (async (...args: Parameters<typeof query>) => {
    await turn();
    return query(...args);
  }) as typeof target.query;
  target.exec = async (...args: Parameters<typeof exec>) => {
    await turn();
    return exec(...args);
  };
}

/** Rows of a raw `db.execute(sql…)` result; both drivers return `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
