import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/platform/db/client";

/** URL of the PostgreSQL database a test file owns, when running against a server. */
export interface TestDatabase extends Database {
  url?: string;
}

/**
 * A database of the test file's own, copied from the run's template (schema, reference
 * data, demo dataset): PGlite loads the template dump; PostgreSQL clones the template.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  if (serverUrl) {
    const name = `aect_test_${process.ppid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // Cloning needs the template free of connections; another file may be cloning it too.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
        break;
      } catch (error) {
        if (attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
    return { ...database, url: url.toString() };
  }
  const dump = readFileSync(inject("templateDump"));
  return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([dump]) });
}
