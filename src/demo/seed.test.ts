import { readFileSync, existsSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import {
  atlasTotals,
  figuresByContinent,
  partnershipSharesByCollectiviteKind,
  projectSharesByDomain,
} from "../modules/atlas/index";
import { users } from "../platform/auth/schema";
import { verifyPassword } from "../platform/auth/passwords";
import figures from "./published-figures.json" with { type: "json" };

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("demo dataset at scale 1 reproduces the published figures", () => {
  it("keeps its copy of the published figures identical to the reference file", () => {
    const shared = "../shared/reference/published-figures.json";
    if (!existsSync(shared)) return;
    expect(figures).toEqual(JSON.parse(readFileSync(shared, "utf8")));
  });

  it("matches every row of the Atlas counts by continent", async () => {
    const rows = await figuresByContinent(database.db);
    const byContinent = Object.fromEntries(
      rows.map((row) => [
        row.continent,
        [row.collectivites, row.authorities, row.countries, row.projects],
      ]),
    );
    expect(byContinent).toEqual(figures.atlas_by_continent.rows);
  });

  it("has 4,700 French collectivités and 10,440 partnerships", async () => {
    const totals = await atlasTotals(database.db);
    expect(totals.collectivites).toBe(figures.atlas_totals.french_collectivites);
    expect(totals.partnerships).toBe(figures.atlas_totals.partnerships);
    expect(totals.projects).toBe(13_494);
  });

  it("splits partnerships by kind of collectivité as published", async () => {
    const shares = Object.fromEntries(
      (await partnershipSharesByCollectiviteKind(database.db)).map((row) => [
        row.kind,
        Number(row.share.toFixed(3)),
      ]),
    );
    const published = figures.atlas_totals.collectivite_type_shares;
    expect(shares).toEqual({
      commune: published.commune,
      epci: published.intercommunalite,
      region: published.region,
      departement: published.departement,
    });
  });

  it("splits projects by domain as published", async () => {
    const shares = Object.fromEntries(
      (await projectSharesByDomain(database.db)).map((row) => [
        row.domain,
        Number(row.share.toFixed(2)),
      ]),
    );
    expect(shares).toEqual(figures.atlas_totals.domain_shares);
  });

  it("creates the demo accounts with the demo password", async () => {
    const emails = [
      "daect@example.org",
      "ambassade-sn@example.org",
      "prefecture-53@example.org",
      "agent-35238@example.org",
      "agent-243500139@example.org",
      "agent-35@example.org",
      "agent-53@example.org",
      "autorite-sn-1@example.org",
      "operateur-afd@example.org",
      "reseau-53@example.org",
    ];
    for (const email of emails) {
      const [user] = await database.db.select().from(users).where(eq(users.email, email));
      expect(user, email).toBeDefined();
      expect(await verifyPassword(user.passwordHash, "Demo-AECT-2026!")).toBe(true);
    }
  });
});
