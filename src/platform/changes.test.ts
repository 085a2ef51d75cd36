import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import { changing, dataVersion, sharedReads } from "./changes";
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

describe("shared reads", () => {
  it("give each caller a value read after it asked, one read for all who wait together", async () => {
    let reads = 0;
    const releases: (() => void)[] = [];
    const read = sharedReads(
      () =>
        new Promise<number>((resolve) => {
          reads += 1;
          const value = reads;
          releases.push(() => resolve(value));
        }),
    );
    const first = read();
    // Asked while the first read is under way: they share the next one, not the first.
    const second = read();
    const third = read();
    expect(second).toBe(third);
    expect(reads).toBe(1);
    releases[0]();
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toBe(2);
    releases[1]();
    expect([await second, await third]).toEqual([2, 2]);
    const later = read();
    expect(reads).toBe(3);
    releases[2]();
    expect(await later).toBe(3);
  });
});
