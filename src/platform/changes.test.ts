import { describe, expect, it } from "vitest";
import { announcing, onChange } from "./changes";

describe("announced changes", () => {
  it("reach the listeners once the write has succeeded, and never for a failed one", async () => {
    const heard: string[] = [];
    const stop = onChange((topic) => heard.push(topic));
    let written = false;
    await announcing("atlas", async () => {
      written = true;
      expect(heard).toEqual([]);
    });
    expect(written).toBe(true);
    expect(heard).toEqual(["atlas"]);
    await expect(
      announcing("apd", async () => {
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(heard).toEqual(["atlas"]);
    stop();
    await announcing("bourse", async () => undefined);
    expect(heard).toEqual(["atlas"]);
  });
});
