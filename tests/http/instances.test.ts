import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../../src/modules/atlas/index";
import { actorFor } from "../support/actors";
import { builders } from "../support/build";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/ports";

const onServer = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;
const instances: ChildProcess[] = [];
const ports: number[] = [];

async function healthy(port: number) {
  for (let tries = 0; tries < 300; tries += 1) {
    const answer = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    if (answer?.ok) return;
    await sleep(100);
  }
  throw new Error(`l'instance du port ${port} ne répond pas`);
}

/** The "projets recensés" figure of an instance's home page. */
async function projectsOnHome(port: number) {
  const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  const match =
    /<p class="fr-h3 fr-mb-1v">([\d\s\u202f]+)<\/p><p class="fr-mb-0">projets recensés/.exec(html);
  if (!match) throw new Error("chiffre des projets absent de l'accueil");
  return Number(match[1].replace(/\D/g, ""));
}

// Several portal processes share one PostgreSQL server; PGlite belongs to one process.
describe.skipIf(!onServer)("two portal instances on one PostgreSQL database", () => {
  beforeAll(async () => {
    database = await openTestDatabase();
    for (let n = 0; n < 2; n += 1) {
      const port = await freePort();
      ports.push(port);
      instances.push(
        spawn(process.execPath, ["server.js"], {
          stdio: "ignore",
          env: {
            PATH: process.env.PATH ?? "",
            NODE_ENV: "production",
            PORT: String(port),
            DATABASE_URL: database.url!,
            SESSION_SECRET: "i".repeat(40),
            LOG_LEVEL: "warn",
          },
        }),
      );
    }
    await Promise.all(ports.map(healthy));
  }, 120_000);
  afterAll(async () => {
    for (const instance of instances) instance.kill("SIGTERM");
    await database?.close();
  });

  it("show the same figures, and both show a write the moment it is committed", async () => {
    const before = await Promise.all(ports.map(projectsOnHome));
    expect(before[1]).toBe(before[0]);
    const agent = await actorFor(database.db, "agent-35238@example.org");
    const rennes = await builders(database.db).collectivite();
    await createProject(database.db, agent, rennes.id, {
      title: "Échanges de jeunes entre Rennes et Sendai",
      domainCode: "education-social-recherche",
      themes: ["jeunesse-formation"],
      countries: ["JP"],
      status: "en_projet",
      startYear: "2027",
    });
    expect(await Promise.all(ports.map(projectsOnHome))).toEqual([before[0] + 1, before[0] + 1]);
  });
});
