import { getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/platform/db/schema";

const CODE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/** Every enumerated column of the portal: "table.column" → its codes. */
function enumeratedColumns() {
  const found = new Map<string, readonly string[]>();
  for (const value of Object.values(schema))
    if (is(value, PgTable))
      for (const [name, column] of Object.entries(getTableColumns(value))) {
        const codes = (column as { enumValues?: readonly string[] }).enumValues;
        if (codes && codes.length > 0) found.set(`${getTableName(value)}.${name}`, codes);
      }
  return found;
}

describe("stored codes (docs/decisions/0028)", () => {
  const columns = enumeratedColumns();

  it("are found in every module's tables", () => {
    expect(columns.get("bourse_requests.status")).toContain("in_contact");
    expect(columns.get("consultations.verdict")).toContain("favourable_with_reservations");
    expect(columns.get("atlas_partnerships.kind")).toContain("pacte_amitie");
    expect(columns.size).toBeGreaterThan(15);
  });

  it("are lowercase words joined by underscores", () => {
    const wrong = [...columns].flatMap(([column, codes]) =>
      codes.filter((code) => !CODE.test(code)).map((code) => `${column}: ${code}`),
    );
    expect(wrong).toEqual([]);
    expect(["in-contact", "Favourable", "pacte amitie"].filter((code) => CODE.test(code))).toEqual(
      [],
    );
  });
});
