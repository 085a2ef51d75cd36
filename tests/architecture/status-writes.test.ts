import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { workflows as accountsWorkflows } from "../../src/modules/accounts/index";
import { workflows as apdWorkflows } from "../../src/modules/apd/index";
import { workflows as atlasWorkflows } from "../../src/modules/atlas/index";
import { workflows as bourseWorkflows } from "../../src/modules/bourse/index";
import { statusWrites } from "./status-writes";

const root = join(import.meta.dirname, "../..");
const allWorkflows = [...accountsWorkflows, ...apdWorkflows, ...atlasWorkflows, ...bourseWorkflows];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The Drizzle variables declared for the workflows' tables, read from the schema files. */
function workflowTables() {
  const names = new Set(allWorkflows.map((workflow) => getTableName(workflow.table)));
  const variables = new Set<string>();
  for (const file of sourceFiles(join(root, "src")))
    for (const match of readFileSync(file, "utf8").matchAll(
      /export const (\w+) = pgTable\(\s*"(\w+)"/g,
    ))
      if (names.has(match[2])) variables.add(match[1]);
  return { names, variables };
}

describe("status changes", () => {
  const tables = workflowTables();

  it("knows the table of every workflow", () => {
    expect([...tables.names].sort()).toEqual([
      "access_requests",
      "apd_declarations",
      "atlas_campaigns",
      "atlas_imports",
      "bourse_offers",
      "bourse_requests",
    ]);
    expect(tables.variables.size).toBe(tables.names.size);
  });

  it("spots a status written by hand, in Drizzle or in SQL", () => {
    const handWritten = `
      await tx.update(bourseRequests).set({ closedAt: now, status: "closed" }).where(x);
      await tx.execute(sql\`UPDATE atlas_imports SET finished_at = now(), status = 'failed' WHERE id = 1\`);
      await tx.update(bourseRequests).set({ title }).where(x);`;
    expect(statusWrites(handWritten, tables)).toEqual([
      ".update(bourseRequests).set({ status })",
      "UPDATE atlas_imports SET status",
    ]);
  });

  it("happen only through transition() in the modules and the pages", () => {
    const offenders = [join(root, "src/modules"), join(root, "app"), join(root, "server")]
      .flatMap(sourceFiles)
      .flatMap((file) =>
        statusWrites(readFileSync(file, "utf8"), tables).map(
          (write) => `${relative(root, file)}: ${write}`,
        ),
      );
    expect(offenders).toEqual([]);
  });
});
