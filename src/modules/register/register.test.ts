import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { rowsOf } from "../../platform/db/client";
import { Invalid } from "../../platform/errors";
import { collectiviteNames, findOrganisations } from "./index";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const find = (group: string, q: string) => findOrganisations(database.db, { group, q });

describe("finding an organisation in the register", () => {
  it("finds a collectivité by the first letters of its name, accents and case ignored, with its département", async () => {
    const [first] = await find("collectivite", "renn");
    expect(first.name).toBe("Rennes");
    expect(first.detail).toBe("Ille-et-Vilaine (35)");
    expect(first.code).toBe("35238");
    const typedOtherwise = await find("collectivite", "RÉNNES");
    expect(typedOtherwise.map((found) => found.ref)).toContain(first.ref);
  });

  it("finds a collectivité by its INSEE or SIREN code", async () => {
    expect((await find("collectivite", "35238")).map((found) => found.name)).toEqual(["Rennes"]);
    const [withSiren] = rowsOf<{ name: string; siren: string }>(
      await database.db.execute(sql`
        SELECT c.name, u.siren FROM register_collectivites c
          JOIN ref_territorial_units u ON u.id = c.unit_id
         WHERE c.kind = 'epci' AND u.siren IS NOT NULL ORDER BY c.id LIMIT 1`),
    );
    expect((await find("collectivite", withSiren.siren)).map((found) => found.name)).toEqual([
      withSiren.name,
    ]);
  });

  it("tells homonyms apart by their département", async () => {
    const [homonym] = rowsOf<{ name: string }>(
      await database.db.execute(sql`
        SELECT name FROM register_collectivites WHERE kind = 'commune'
         GROUP BY name HAVING count(DISTINCT departement_code) > 1 ORDER BY name LIMIT 1`),
    );
    const found = (await find("collectivite", homonym.name)).filter(
      (row) => row.name === homonym.name,
    );
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found.map((row) => row.detail)).size).toBe(found.length);
  });

  it("names homonyms in lists with their département, and others by their name alone", async () => {
    const rows = rowsOf<{ id: number; name: string; departement: string }>(
      await database.db.execute(sql`
        SELECT c.id, c.name, d.name AS departement FROM register_collectivites c
          JOIN ref_territorial_units d ON d.kind = 'departement' AND d.code = c.departement_code
         WHERE c.name IN (SELECT name FROM register_collectivites WHERE kind = 'commune'
                           GROUP BY name HAVING count(*) > 1 ORDER BY name LIMIT 1)`),
    );
    const rennes = rowsOf<{ id: number }>(
      await database.db.execute(sql`SELECT id FROM register_collectivites WHERE name = 'Rennes'`),
    )[0];
    const names = await collectiviteNames(database.db, [...rows.map((row) => row.id), rennes.id]);
    for (const row of rows) expect(names.get(row.id)).toBe(`${row.name} (${row.departement})`);
    expect(names.get(rennes.id)).toBe("Rennes");
  });

  it("finds State services and foreign authorities in their own group only", async () => {
    const embassies = await find("embassy", "senegal");
    expect(embassies.map((found) => found.name)).toContain("Ambassade de France – Sénégal");
    expect((await find("prefecture", "senegal")).length).toBe(0);
    const [authority] = rowsOf<{ name: string }>(
      await database.db.execute(
        sql`SELECT name FROM register_foreign_authorities ORDER BY id LIMIT 1`,
      ),
    );
    const authorities = await find("foreign_authority", authority.name.slice(0, 6));
    expect(authorities.map((found) => found.name)).toContain(authority.name);
    expect(authorities.every((found) => found.ref.startsWith("authority:"))).toBe(true);
  });

  it("explains a search too short or a group not in the list", async () => {
    const short = (await find("collectivite", "r").catch((error: unknown) => error)) as Invalid;
    expect(short).toBeInstanceOf(Invalid);
    expect(short.fieldErrors.q).toContain("au moins deux lettres");
    const group = (await find("club", "rennes").catch((error: unknown) => error)) as Invalid;
    expect(group.fieldErrors.group).toContain("type d'organisation");
    // A LIKE wildcard is searched as typed, not as a pattern.
    expect(await find("collectivite", "%%")).toEqual([]);
  });
});
