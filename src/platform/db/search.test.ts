import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { rowsOf } from "./client";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const matches = async (text: string, query: string) => {
  const result = await database.db.execute(
    sql`SELECT to_tsvector('french_unaccent', ${text}) @@ websearch_to_tsquery('french_unaccent', ${query}) AS hit`,
  );
  return rowsOf<{ hit: boolean }>(result)[0].hit;
};

describe(`French full-text search (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("ignores accents and case", async () => {
    expect(await matches("Développement économique", "developpement ECONOMIQUE")).toBe(true);
    expect(await matches("Developpement economique", "développement")).toBe(true);
  });

  it("stems French words (plural, verb forms)", async () => {
    expect(await matches("Construction des écoles primaires", "école")).toBe(true);
    expect(await matches("Accès à l'eau potable", "eaux")).toBe(true);
  });

  it("does not match unrelated words", async () => {
    expect(await matches("Jumelage culturel", "assainissement")).toBe(false);
  });

  it("searches collectivités through their generated search column, accents ignored", async () => {
    const result = await database.db.execute(
      sql`SELECT count(*)::int AS n FROM register_collectivites WHERE search @@ websearch_to_tsquery('french_unaccent', 'region bretagne')`,
    );
    expect(rowsOf<{ n: number }>(result)[0].n).toBeGreaterThan(0);
  });

  it("offers an immutable unaccent for LIKE matching", async () => {
    const result = await database.db.execute(
      sql`SELECT immutable_unaccent('Île-de-France, Besançon') AS value`,
    );
    expect(rowsOf<{ value: string }>(result)[0].value).toBe("Ile-de-France, Besancon");
  });
});
