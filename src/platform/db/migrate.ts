import path from "node:path";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import type { Database } from "./client";
import { projectRoot } from "./project-root";

export const migrationsFolder = () => path.join(projectRoot(), "db", "migrations");

// Any constant; it only has to be the same for every instance of the portal.
const MIGRATION_LOCK_KEY = 71_156;

/**
 * Applies the committed SQL migrations. On a PostgreSQL server, an advisory lock makes
 * several app instances starting together apply them once.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the PGlite drizzle type is the concrete one here
    await migratePglite(database.db as any, { migrationsFolder: migrationsFolder() });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrateNodePostgres(drizzleNodePostgres(client as unknown as pg.Pool), {
      migrationsFolder: migrationsFolder(),
    });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
