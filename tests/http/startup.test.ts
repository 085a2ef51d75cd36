import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../support/database";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function runServer(env: Record<string, string>) {
  return spawnSync("node", ["server.js"], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("starting the portal", () => {
  it("refuses a bad configuration with a French message naming the variable", () => {
    const badPort = runServer({ PORT: "trois-mille" });
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toContain("PORT doit être un nombre");
    const noSecret = runServer({ NODE_ENV: "production" });
    expect(noSecret.status).toBe(1);
    expect(noSecret.stderr).toContain("SESSION_SECRET : obligatoire en production");
  });

  it("migrates, serves /healthz and shuts down cleanly", async () => {
    const { startPortal } = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
    const env: Record<string, string> = { PORT: "0", SEED_DEMO: "never", LOG_LEVEL: "silent" };
    let close = async () => {};
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      await database.close();
      env.DATABASE_URL = database.url!;
    } else {
      const folder = mkdtempSync(path.join(os.tmpdir(), "aect-start-"));
      folders.push(folder);
      env.DATA_DIR = folder;
    }
    const portal = await startPortal({ env });
    close = portal.close;
    const { port } = portal.server.address() as AddressInfo;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({
      status: "ok",
      db: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
    await close();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
