import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { count } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { seedDemoDataset } from "../src/demo/seed";
import { atlasIndexIsIncomplete, rebuildAtlasIndex } from "../src/modules/atlas/project-index";
import { benchApd } from "./apd";
import { benchAtlas } from "./atlas";
import { benchBourse } from "./bourse";
import { measureRequests } from "./http";
import { benchLighthouse } from "./lighthouse";
import { benchLoad, benchPageCpu } from "./load";
import { benchSecurity } from "./security";
import { organisations } from "../src/platform/auth/schema";
import { changing } from "../src/platform/changes";
import { loadConfig } from "../src/platform/config";
import { type Database, openDatabase } from "../src/platform/db/client";
import { migrateDatabase } from "../src/platform/db/migrate";
import { loadReferenceData } from "../src/reference/load/index";

/**
 * npm run bench [-- --scale N] [--duration S] [--load-duration S] [--connections N]
 * [--only pages,cpu,atlas,apd,bourse,security,load,lighthouse]: serves the built portal on a database
 * seeded at scale N (PGlite under data/bench-N, or a database aect_bench_N on the
 * DATABASE_URL server) and prints one JSON line per figure.
 */
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    duration: { type: "string", default: "10" },
    only: { type: "string" },
    "load-duration": { type: "string", default: "60" },
    connections: { type: "string", default: "300" },
  },
});
const scale = Number(values.scale);
const duration = Number(values.duration);
type Part = "pages" | "cpu" | "atlas" | "apd" | "bourse" | "security" | "load" | "lighthouse";
const runs = (part: Part) => !values.only || values.only.split(",").includes(part);

/** The bench database's URL on the PostgreSQL server, when one is used. */
function benchDatabaseUrl(): string | null {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return null;
  const url = new URL(serverUrl);
  url.pathname = `/aect_bench_${String(scale).replace(/\W/g, "_")}`;
  return url.toString();
}

async function benchDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  const benchUrl = benchDatabaseUrl();
  if (!serverUrl || !benchUrl)
    return openDatabase({ dataDir: path.resolve(`data/bench-${scale}`) });
  const name = new URL(benchUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: benchUrl, poolSize: 10 });
}

function emit(metric: string, value: number, unit: string, db: string) {
  // Three significant digits at least: small ratios stay readable.
  const rounded =
    Math.abs(value) >= 10 ? Math.round(value * 100) / 100 : Number(value.toPrecision(3));
  console.log(JSON.stringify({ metric, scale, db, value: rounded, unit }));
}

const database = await benchDatabase();
await migrateDatabase(database);
await loadReferenceData(database);
const [{ value: existing }] = await database.db.select({ value: count() }).from(organisations);
if (existing === 0) {
  const started = performance.now();
  await seedDemoDataset(database, { scale });
  emit("seed.duration_s", (performance.now() - started) / 1000, "s", database.kind);
}

if (await atlasIndexIsIncomplete(database.db)) {
  const started = performance.now();
  await rebuildAtlasIndex(database.db);
  emit("atlas_index.rebuild_s", (performance.now() - started) / 1000, "s", database.kind);
}

const built = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
const config = loadConfig({
  NODE_ENV: "production",
  SESSION_SECRET: "b".repeat(40),
  LOG_LEVEL: "silent",
});
const app = built.createApp({ database, config, logger: pino({ level: "silent" }) });
const server = await new Promise<import("node:http").Server>((resolve) => {
  const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
});
const { port } = server.address() as AddressInfo;

const pages = [
  ["home", "/"],
  ["healthz", "/healthz"],
  ["sign_in_page", "/connexion"],
  ["apd_statistics_page", "/apd"],
] as const;
for (const [name, pathname] of runs("pages") ? pages : []) {
  // The first request pays for computing what the page caches (public statistics).
  const coldStart = performance.now();
  const cold = await fetch(`http://127.0.0.1:${port}${pathname}`);
  if (!cold.ok) throw new Error(`${pathname}: HTTP ${cold.status}`);
  await cold.text();
  emit(`${name}.first_request_ms`, performance.now() - coldStart, "ms", database.kind);
  const measured = await measureRequests(`http://127.0.0.1:${port}${pathname}`, { duration });
  emit(`${name}.requests_per_s`, measured.requestsPerSecond, "req/s", database.kind);
  emit(`${name}.latency_p95_ms`, measured.p95, "ms", database.kind);
}

if (runs("atlas"))
  await benchAtlas({
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: benchDatabaseUrl(),
    duration,
    emit: (metric, value, unit) => emit(metric, value, unit, database.kind),
  });

if (runs("apd"))
  await benchApd({
    database,
    publicUrl: `http://127.0.0.1:${port}`,
    emit: (metric, value, unit) => emit(metric, value, unit, database.kind),
  });

if (runs("bourse"))
  await benchBourse({
    database,
    emit: (metric, value, unit) => emit(metric, value, unit, database.kind),
  });

if (runs("cpu"))
  await benchPageCpu({
    root: process.cwd(),
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: benchDatabaseUrl(),
    write: () => changing(database.db, "atlas", async () => undefined),
    emit: (metric, value, unit) => emit(metric, value, unit, database.kind),
  });

if (runs("lighthouse"))
  await benchLighthouse(`http://127.0.0.1:${port}`, (metric, value, unit) =>
    emit(metric, value, unit, database.kind),
  );

if (runs("security"))
  await benchSecurity({
    baseUrl: `http://127.0.0.1:${port}`,
    duration: Math.max(duration, 20),
    emit: (metric, value, unit) => emit(metric, value, unit, database.kind),
  });

server.closeAllConnections();
server.close();
await database.close();

// Last, against `node server.js` instances as `npm start` runs them: on PGlite the bench
// process has now let its folder go to the instance.
if (runs("load")) {
  const benchUrl = benchDatabaseUrl();
  await benchLoad({
    root: process.cwd(),
    store: benchUrl ? { databaseUrl: benchUrl } : { dataDir: path.resolve(`data/bench-${scale}`) },
    duration: Number(values["load-duration"]),
    connections: Number(values.connections),
    emit: (metric, value, unit) => emit(metric, value, unit, database.kind),
  });
}
