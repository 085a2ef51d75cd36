import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberAddresses } from "../../src/platform/auth/member-addresses";
import { rowsOf } from "../../src/platform/db/client";
import { type Action, type Resource, holdersOf } from "../../src/platform/policy";
import { type TestDatabase, openTestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const addresses = (which: SQL) => memberAddresses(database.db, which);

/**
 * Every mail of the portal that goes to "the members of the organisations that hold an
 * action on a record" — with the recipients it had when they were written by hand.
 */
describe("mail recipients resolved by the policy", () => {
  const same = async (action: Action, resource: Resource, byHand: SQL) => {
    const fromPolicy = await addresses(holdersOf(action, resource));
    expect(fromPolicy, action).toEqual(await addresses(byHand));
    return fromPolicy;
  };

  it("write about a request to the embassy of its country and the DAECT, for every country", async () => {
    const countries = rowsOf<{ code: string }>(
      await database.db.execute(sql`SELECT code FROM ref_countries ORDER BY code`),
    );
    let withEmbassy = 0;
    for (const { code } of countries) {
      const found = await same(
        "bourse:request:triage",
        { countryCodes: [code] },
        sql`(o.kind = 'embassy' AND o.country_code = ${code}) OR o.kind = 'daect'`,
      );
      if (found.some((address) => address.startsWith("ambassade"))) withEmbassy += 1;
    }
    expect(withEmbassy).toBeGreaterThan(1);
  });

  it("write about offers and opinions given to the DAECT", async () => {
    const found = await same("bourse:offer:manage", {}, sql`o.kind = 'daect'`);
    expect(found).toContain("daect@example.org");
  });

  it("ask an opinion of the organisations asked, and only of them", async () => {
    const asked = rowsOf<{ id: number }>(
      await database.db.execute(sql`
        SELECT id FROM organisations
         WHERE (kind = 'prefecture' AND region_code = '53')
            OR (kind = 'embassy' AND country_code IN ('SN', 'MA'))`),
    ).map((row) => row.id);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    const found = await same(
      "bourse:opinion:give",
      { organisationIds: asked },
      sql`o.id IN (${sql.join(asked, sql`, `)})`,
    );
    expect(found).toEqual([
      "ambassade-ma@example.org",
      "ambassade-sn@example.org",
      "prefecture-53@example.org",
    ]);
  });

  it("tell a collectivité's own agents of the decision on its offer, for every collectivité with members", async () => {
    const owners = rowsOf<{ organisation_id: number }>(
      await database.db.execute(sql`
        SELECT DISTINCT c.organisation_id FROM register_collectivites c
          JOIN memberships m ON m.organisation_id = c.organisation_id`),
    );
    expect(owners.length).toBeGreaterThan(0);
    for (const { organisation_id } of owners)
      await same(
        "bourse:offer:create",
        { organisationId: organisation_id },
        sql`o.id = ${organisation_id}`,
      );
  });
});
