import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const config = join(root, ".dependency-cruiser.cjs");

/** dependency-cruiser with the portal's rules, from `cwd`: its exit code and its report. */
async function cruise(cwd: string, folders: string[]) {
  try {
    const { stdout } = await run(
      join(root, "node_modules/.bin/depcruise"),
      [...folders, "--config", config, "--output-type", "err"],
      { cwd },
    );
    return { code: 0, report: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, report: failed.stdout };
  }
}

describe("module boundaries", () => {
  it("refuse a module reaching past another's index.ts, and the platform importing a module", async () => {
    const { code, report } = await cruise(join(root, "tests/fixtures/boundaries"), ["src", "app"]);
    expect(code).not.toBe(0);
    expect(report).toContain("module-through-its-index");
    expect(report).toContain("src/modules/bourse/suggest.ts → src/modules/atlas/search.ts");
    expect(report).toContain("pages-through-index-or-codes");
    expect(report).toContain("app/page.ts → src/modules/atlas/search.ts");
    // Through the index is allowed: only the two bypasses and the platform's import are reported.
    expect(report).toContain("3 dependency violations");
    expect(report).toContain("platform-not-to-modules");
  });

  it("hold in the portal's own code", async () => {
    const { code, report } = await cruise(root, ["src", "app", "server"]);
    expect(report).toContain("no dependency violations");
    expect(code).toBe(0);
  }, 120_000);
});
