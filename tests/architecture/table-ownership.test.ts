import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { type ModuleSource, tableOwners, tableTrespasses } from "./table-ownership";

const root = join(import.meta.dirname, "../..");

function moduleSources(modulesFolder: string): ModuleSource[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
    });
  return walk(modulesFolder).map((path) => ({
    module: relative(modulesFolder, path).split("/")[0],
    file: relative(root, path),
    text: readFileSync(path, "utf8"),
  }));
}

describe("each module's tables", () => {
  const sources = moduleSources(join(root, "src/modules"));
  const owners = tableOwners(sources);

  it("are known, with the register owning the collectivités and foreign authorities", () => {
    expect(owners.get("register_collectivites")).toBe("register");
    expect(owners.get("register_foreign_authorities")).toBe("register");
    expect(owners.get("atlas_projects")).toBe("atlas");
    expect(owners.get("bourse_offers")).toBe("bourse");
    expect(owners.get("apd_declarations")).toBe("apd");
  });

  it("are spotted when another module names or writes them", () => {
    const trespasses = tableTrespasses(
      [
        ...sources.filter((source) => source.file.endsWith("schema.ts")),
        {
          module: "bourse",
          file: "bourse/sample.ts",
          text: `import { collectivites, foreignAuthorities as fa } from "../register/index";
            // A comment naming atlas_projects is no reach.
            await q.execute(sql\`SELECT name FROM atlas_projects WHERE id = 1\`);
            await q.execute(sql\`SELECT name FROM \${collectivites} c\`);
            await tx.update(fa).set({ name }).where(x);
            await tx.execute(sql\`DELETE FROM \${collectivites} WHERE id = 1\`);`,
        },
      ],
      owners,
    );
    expect(trespasses).toEqual([
      "bourse/sample.ts: names atlas_projects (atlas)",
      "bourse/sample.ts: writes collectivites (register)",
      "bourse/sample.ts: writes fa (register)",
    ]);
  });

  it("are named and written by their own module only", () => {
    expect(tableTrespasses(sources, owners)).toEqual([]);
  });
});
