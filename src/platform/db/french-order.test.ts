import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { frenchCompare } from "../french/collation";
import { rowsOf } from "./client";
import { frenchOrder } from "./french-order";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const names = [
  "Zambie",
  "Égypte",
  "burkina Faso",
  "Estonie",
  "Bénin",
  "Eswatini",
  "Afrique du Sud",
];
const expected = [
  "Afrique du Sud",
  "Bénin",
  "burkina Faso",
  "Égypte",
  "Estonie",
  "Eswatini",
  "Zambie",
];

describe("French alphabetical order", () => {
  it("ignores accents and case in SQL, whatever the server's collation", async () => {
    const rows = rowsOf<{ name: string }>(
      await database.db.execute(sql`
        SELECT name FROM (VALUES ${sql.join(
          names.map((name) => sql`(${name})`),
          sql`, `,
        )}) AS listed(name) ORDER BY ${frenchOrder("name")}`),
    );
    expect(rows.map((row) => row.name)).toEqual(expected);
  });

  it("and in the code, the same way", () => {
    expect([...names].sort(frenchCompare)).toEqual(expected);
  });
});
