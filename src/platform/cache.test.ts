import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import { createPublicCache } from "./cache";
import { changing } from "./changes";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const slowly = (value: number, onCall: () => void) => async () => {
  onCall();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { value };
};

describe("public cache", () => {
  it("computes a figure once for concurrent requests", async () => {
    const cache = createPublicCache(database.db);
    let computations = 0;
    const compute = slowly(42, () => {
      computations += 1;
    });
    const results = await Promise.all([
      cache.at("atlas", "k", compute),
      cache.at("atlas", "k", compute),
      cache.at("atlas", "k", compute),
    ]);
    expect(results.map((result) => result.value)).toEqual([42, 42, 42]);
    expect(computations).toBe(1);
  });

  it("forgets a failed computation", async () => {
    const cache = createPublicCache(database.db);
    await expect(cache.at("apd", "k", () => Promise.reject(new Error("panne")))).rejects.toThrow(
      "panne",
    );
    expect(await cache.at("apd", "k", async () => ({ value: 1 }))).toEqual({ value: 1 });
  });

  it("recomputes on every instance once a write of its topic commits, and only then", async () => {
    // Two caches on one database: two portal instances.
    const first = createPublicCache(database.db);
    const second = createPublicCache(database.db);
    let figure = 1;
    const compute = async () => ({ value: figure });
    expect(await first.at("bourse", "total", compute)).toEqual({ value: 1 });
    expect(await second.at("bourse", "total", compute)).toEqual({ value: 1 });
    figure = 2;
    expect(await first.at("bourse", "total", compute)).toEqual({ value: 1 });
    await changing(database.db, "apd", async () => undefined);
    expect(await second.at("bourse", "total", compute)).toEqual({ value: 1 });
    await changing(database.db, "bourse", async () => undefined);
    expect(await first.at("bourse", "total", compute)).toEqual({ value: 2 });
    expect(await second.at("bourse", "total", compute)).toEqual({ value: 2 });
  });
});
