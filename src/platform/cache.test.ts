import { describe, expect, it } from "vitest";
import { cached, createPublicCache } from "./cache";

describe("public cache", () => {
  it("computes a figure once for concurrent requests", async () => {
    const cache = createPublicCache();
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { value: 42 };
    };
    const results = await Promise.all([
      cached(cache, "k", compute),
      cached(cache, "k", compute),
      cached(cache, "k", compute),
    ]);
    expect(results.map((result) => result.value)).toEqual([42, 42, 42]);
    expect(computations).toBe(1);
  });

  it("forgets a failed computation", async () => {
    const cache = createPublicCache();
    await expect(cached(cache, "k", () => Promise.reject(new Error("panne")))).rejects.toThrow(
      "panne",
    );
    expect(await cached(cache, "k", async () => ({ value: 1 }))).toEqual({ value: 1 });
  });
});
