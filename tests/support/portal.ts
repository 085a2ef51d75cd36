import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../src/platform/config";
import type { Database } from "../../src/platform/db/client";
import { openTestDatabase, type TestDatabase } from "./database";

interface BuiltServer {
  createApp(services: {
    database: Database;
    config: ReturnType<typeof loadConfig>;
    logger: pino.Logger;
  }): {
    listen(port: number, host: string, callback: () => void): import("node:http").Server;
  };
}

/**
 * The built portal (npm run build) served on a free local port, on the given database.
 * Tests talk to it over real HTTP, as a browser would.
 */
export async function startTestPortal(database: Database, env: Record<string, string> = {}) {
  const buildPath = path.resolve("build/server/index.js");
  const built = (await import(pathToFileURL(buildPath).href)) as BuiltServer;
  const config = loadConfig({ NODE_ENV: "test", ...env });
  const logger = pino({ level: "silent" });
  const app = built.createApp({ database, config, logger });
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  config.publicUrl = baseUrl;
  return {
    baseUrl,
    config,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Registers the hooks that give a test file its own database and a portal served on it;
 * the returned object is filled before the tests run.
 */
export function portalForTestFile(
  env: Record<string, string> | (() => Record<string, string>) = {},
) {
  const state = {} as {
    database: TestDatabase;
    portal: Awaited<ReturnType<typeof startTestPortal>>;
  };
  beforeAll(async () => {
    state.database = await openTestDatabase();
    // A function: settings known only once earlier hooks ran (a provider's address).
    state.portal = await startTestPortal(state.database, typeof env === "function" ? env() : env);
  });
  afterAll(async () => {
    await state.portal?.close();
    await state.database?.close();
  });
  return state;
}
