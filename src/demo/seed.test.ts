import { readFileSync, existsSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import {
  atlasTotals,
  figuresByContinent,
  partnershipSharesByCollectiviteKind,
  projectSharesByDomain,
} from "../modules/atlas/index";
import { apdTotals } from "../modules/apd/totals-queries";
import { bourseStats } from "../modules/bourse/public-queries";
import { users } from "../platform/auth/schema";
import { rowsOf } from "../platform/db/client";
import { verifyPassword } from "../platform/auth/passwords";
import { projectCodes, projectCountries, projectFundings, projects } from "../modules/atlas/schema";
import dacList from "../reference/data/dac-oda-recipients.json" with { type: "json" };
import figures from "./published-figures.json" with { type: "json" };

const odaRecipients = new Set(
  Object.values(dacList.categories).flatMap((category) => category.countries),
);

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

  it("co-finances projects from the ministry at the published leverage", async () => {
    const [row] = rowsOf<{ budgets: number; ministry: number; projects: number }>(
      await database.db.execute(sql`
        SELECT sum(${projects.totalBudgetCents})::float8 AS budgets,
               sum(${projectFundings.amountCents})::float8 AS ministry,
               count(*)::int AS projects
        FROM ${projectFundings} JOIN ${projects} ON ${projects.id} = ${projectFundings.projectId}
        WHERE ${projectFundings.sourceCode} = 'meae_daect'`),
    );
    expect(row.projects).toBeGreaterThan(1_000);
    expect(
      Math.abs(row.budgets / row.ministry - figures.calls_for_projects.leverage_ratio),
    ).toBeLessThan(0.2);
  });

  it("gives projects thématiques that fit their partner country", async () => {
    const counts = rowsOf<{ setting: string; theme: string; projects: number }>(
      await database.db.execute(sql`
        SELECT CASE WHEN ${projectCountries.countryCode} IN ${sql.raw(`(${[...odaRecipients].map((code) => `'${code}'`).join(",")})`)}
                    THEN 'aid' ELSE 'other' END AS setting,
               ${projectCodes.code} AS theme, count(*)::int AS projects
        FROM ${projectCodes} JOIN ${projectCountries} USING (project_id)
        WHERE ${projectCodes.list} = 'theme'
        GROUP BY 1, 2`),
    );
    const count = (setting: string, theme: string) =>
      counts.find((row) => row.setting === setting && row.theme === theme)?.projects ?? 0;
    // Development aid goes to ODA recipients only; Europe's cross-border programmes elsewhere.
    expect(count("aid", "aide-developpement")).toBeGreaterThan(200);
    expect(count("other", "aide-developpement")).toBe(0);
    expect(count("other", "transfrontalier-europe")).toBeGreaterThan(200);
    expect(count("aid", "transfrontalier-europe")).toBe(0);
    expect(count("aid", "eau-assainissement")).toBeGreaterThan(
      count("other", "eau-assainissement"),
    );
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

describe("demo e-APD declarations reproduce the published figures", () => {
  const euros = (cents: number) => Math.round(cents / 100);

  it("totals 82.9 M€ in 98 countries for 2016 and 116.1 M€ for 2018", async () => {
    const y2016 = await apdTotals(database.db, { year: 2016, groupBy: "country" });
    expect(euros(y2016.totalCents)).toBe(figures.apd.total_eur_by_year["2016"]);
    expect(y2016.rows.filter((row) => /^[A-Z]{2}$/.test(row.key))).toHaveLength(
      figures.apd.countries_2016,
    );
    const latest = await apdTotals(database.db, { year: 2018, groupBy: "year" });
    expect(euros(latest.totalCents)).toBe(figures.apd.total_eur_by_year.latest_memento_2020);
  });

  it("ranks the latest year's top ten beneficiaries in the published order", async () => {
    const latest = await apdTotals(database.db, { year: 2018, groupBy: "country", limit: 10 });
    expect(latest.rows.map((row) => row.label)).toEqual(
      figures.apd.top_beneficiaries_latest_in_order,
    );
  });

  it("sends about three quarters of the aid to Africa", async () => {
    const byContinent = await apdTotals(database.db, { year: 2018, groupBy: "continent" });
    const africa = byContinent.rows.find((row) => row.key === "Afrique")!;
    expect(africa.amountCents / byContinent.totalCents).toBeCloseTo(0.75, 2);
  });

  it("has every year's total equal to the sum of its counted lines by collectivité", async () => {
    const byYear = await apdTotals(database.db, { year: null, groupBy: "year" });
    expect(byYear.rows.map((row) => row.key)).toEqual(["2016", "2017", "2018"]);
    for (const row of byYear.rows) {
      const byCollectivite = await apdTotals(database.db, {
        year: Number(row.key),
        groupBy: "collectivite",
      });
      expect(byCollectivite.rows.reduce((sum, r) => sum + r.amountCents, 0)).toBe(row.amountCents);
    }
  });

  it("publishes the Bourse's published size, mostly from countries with few French cooperations", async () => {
    const stats = await bourseStats(database.db);
    expect(stats).toEqual({
      requests: figures.bourse.requests,
      foreignAuthorities: figures.bourse.foreign_authorities,
      countries: figures.bourse.countries,
    });
    // Requests at other steps exist but are not public.
    const [{ hidden }] = rowsOf<{ hidden: number }>(
      await database.db.execute(
        sql`SELECT count(*)::int AS hidden FROM bourse_requests WHERE status IN ('draft', 'submitted', 'under_review', 'declined', 'closed')`,
      ),
    );
    expect(hidden).toBeGreaterThan(10);
  });
});
