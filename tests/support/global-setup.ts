import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { seedDemoDataset } from "../../src/demo/seed";
import { openDatabase } from "../../src/platform/db/client";
import { migrateDatabase } from "../../src/platform/db/migrate";
import { loadReferenceData } from "../../src/reference/load/index";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of the template data-dir dump. PostgreSQL: name of the template database. */
    templateDump: string;
    templateDatabase: string;
    serverUrl: string;
  }
}

/**
 * Builds the test template once per run: migrated schema, reference data and the demo
 * dataset at scale 1. Every test file then starts from its own copy of it.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL ?? "";
  if (serverUrl) {
    const template = `aect_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, template) });
    await prepare(database);
    await database.close();
    project.provide("serverUrl", serverUrl);
    project.provide("templateDatabase", template);
    project.provide("templateDump", "");
    return async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      const { rows } = await cleanup.query(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
        [`aect_test_${process.pid}_%`, template],
      );
      for (const row of rows)
        await cleanup.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const folder = path.join(os.tmpdir(), `aect-tests-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  const database = await openDatabase({ dataDir: "memory://" });
  await prepare(database);
  const dump = await database.pglite!.dumpDataDir("none");
  const dumpPath = path.join(folder, "template.tar");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("templateDump", dumpPath);
  project.provide("templateDatabase", "");
  project.provide("serverUrl", "");
  return () => rmSync(folder, { recursive: true, force: true });
}

async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateDatabase(database);
  await loadReferenceData(database);
  await seedDemoDataset(database, { scale: 1 });
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
