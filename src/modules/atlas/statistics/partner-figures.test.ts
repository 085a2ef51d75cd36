import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../../tests/support/actors";
import { builders } from "../../../../tests/support/build";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import { systemActor } from "../../../platform/audit/audit";
import { rowsOf } from "../../../platform/db/client";
import { handOverToCommuneNouvelle } from "../editing/commune-nouvelle";
import { createPartnership } from "../editing/partnership-commands";
import { atlasTotals, figuresByContinent } from "../stats-queries";
import { rebuildPartnerFigures } from "./partner-figures";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The home page's figures as counted straight from the partnership links. */
async function countedFromLinks() {
  const db = database.db;
  const continents = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      WITH links AS (
        SELECT pc.collectivite_id, fa.id AS authority_id, fa.country_code, c.continent
          FROM atlas_partnership_collectivites pc
          JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pc.partnership_id
          JOIN register_foreign_authorities fa ON fa.id = pfa.foreign_authority_id
          JOIN ref_countries c ON c.code = fa.country_code)
      SELECT l.continent, count(DISTINCT collectivite_id)::int AS collectivites,
             count(DISTINCT authority_id)::int AS authorities,
             count(DISTINCT country_code)::int AS countries,
             (SELECT count(DISTINCT pc.project_id)::int FROM atlas_project_countries pc
                JOIN ref_countries rc ON rc.code = pc.country_code
               WHERE rc.continent = l.continent) AS projects
        FROM links l GROUP BY l.continent ORDER BY collectivites DESC, continent`),
  );
  const [totals] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      SELECT
        (SELECT count(DISTINCT collectivite_id)::int FROM atlas_partnership_collectivites) AS collectivites,
        (SELECT count(DISTINCT foreign_authority_id)::int
           FROM atlas_partnership_foreign_authorities) AS authorities,
        (SELECT count(*)::int FROM atlas_partnerships) AS partnerships,
        (SELECT count(DISTINCT fa.country_code)::int FROM atlas_partnership_foreign_authorities pfa
           JOIN register_foreign_authorities fa ON fa.id = pfa.foreign_authority_id) AS countries,
        (SELECT count(*)::int FROM atlas_projects) AS projects`),
  );
  return { continents, totals };
}

const stored = async () => ({
  continents: await figuresByContinent(database.db),
  totals: await atlasTotals(database.db),
});

/** The stored links as a recount gives them (computed, then rolled back). */
async function storedTable() {
  return rowsOf(
    await database.db.execute(sql`SELECT continent, kind, member, links FROM atlas_partner_figures
                                   WHERE links <> 0 ORDER BY 1, 2, 3`),
  );
}
async function recountedTable() {
  let rows: unknown[] = [];
  await database.db
    .transaction(async (tx) => {
      await rebuildPartnerFigures(tx);
      rows = rowsOf(
        await tx.execute(sql`SELECT continent, kind, member, links FROM atlas_partner_figures
                              WHERE links <> 0 ORDER BY 1, 2, 3`),
      );
      throw new Error("rollback");
    })
    .catch(() => undefined);
  return rows;
}

describe("stored partner figures", () => {
  it("give the home page the figures a count of the partnership links gives", async () => {
    const figures = await stored();
    expect(figures).toEqual(await countedFromLinks());
    expect(figures.continents.length).toBeGreaterThanOrEqual(5);
  });

  it("follow a new partnership on a new continent member and a commune nouvelle, in their transactions", async () => {
    const before = await stored();
    const rennes = (await builders(database.db).collectivite()).id;
    const daect = await actorFor(database.db, "daect@example.org");
    await createPartnership(database.db, daect, rennes, {
      autorite_partenaire: "Municipalité de Nuuk",
      type_autorite: "Municipalité",
      pays: "GL",
      type_partenariat: "jumelage",
      date_signature: "14/07/2024",
      statut: "active",
    });
    const after = await stored();
    expect(after.totals.partnerships).toBe(before.totals.partnerships + 1);
    expect(after.totals.authorities).toBe(before.totals.authorities + 1);
    expect(after).toEqual(await countedFromLinks());
    expect(await storedTable()).toEqual(await recountedTable());

    // Two communes with partnerships merge into a third: links move, members may vanish.
    const former = rowsOf<{ id: number }>(
      await database.db.execute(sql`
        SELECT collectivite_id AS id FROM atlas_partnership_collectivites
         GROUP BY collectivite_id ORDER BY count(*) DESC, collectivite_id LIMIT 2`),
    ).map((row) => row.id);
    await database.db.transaction((tx) =>
      handOverToCommuneNouvelle(tx, systemActor, { formerIds: former, communeNouvelleId: rennes }),
    );
    const merged = await stored();
    expect(merged.totals.collectivites).toBe(
      after.totals.collectivites - former.filter((id) => id !== rennes).length,
    );
    expect(merged).toEqual(await countedFromLinks());
    expect(await storedTable()).toEqual(await recountedTable());
  });
});
