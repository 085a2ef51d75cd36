import { loadConfig } from "../src/platform/config";
import { type Database, openDatabase } from "../src/platform/db/client";

/** Opens the database the portal would use with the current environment. */
export async function openConfiguredDatabase(): Promise<Database> {
  const config = loadConfig();
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/** Runs a script body and exits with a clear message on failure. */
export async function runScript(body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
