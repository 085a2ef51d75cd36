import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import { changing, dataVersion } from "./changes";
import { rowsOf } from "./db/client";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("data versions", () => {
  it("rise with each committed write of their topic, and never for a rolled-back one", async () => {
    const db = database.db;
    const before = await dataVersion(db, "bourse");
    const written = await changing(db, "bourse", async (tx) => {
      await tx.execute(sql`CREATE TEMPORARY TABLE IF NOT EXISTS marker (n int)`);
      return "fait";
    });
    expect(written).toBe("fait");
    expect(await dataVersion(db, "bourse")).toBe(before + 1);

    await expect(
      changing(db, "bourse", async () => {
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await dataVersion(db, "bourse")).toBe(before + 1);
  });

  it("are counted per topic", async () => {
    const db = database.db;
    const apd = await dataVersion(db, "apd");
    await changing(db, "atlas", async () => undefined);
    expect(await dataVersion(db, "apd")).toBe(apd);
    const [row] = rowsOf<{ topics: number }>(
      await db.execute(sql`SELECT count(*)::int AS topics FROM platform_data_versions`),
    );
    expect(row.topics).toBeGreaterThanOrEqual(2);
  });
});
