import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../tests/support/actors";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { dacRecipientCodes } from "../../reference/load/countries";
import { apdRegionByCode } from "./codes";
import { apdExport } from "./exports";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function textOf(body: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(body)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

describe("the CRS export of a year", () => {
  it("names every recipient by its OECD DAC numeric code, with the country's ISO code beside", async () => {
    const daect = await actorFor(database.db, "daect@example.org");
    const file = await apdExport(database.db, daect, 2018, "crs");
    const rows = parse(await textOf(file.body), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(100);
    // The OECD codelist as the project keeps it (src/reference/data/SOURCES.md).
    const codes = dacRecipientCodes();
    let countries = 0;
    for (const row of rows) {
      if (row.recipient_iso) {
        countries += 1;
        expect(row.recipient_code, row.recipient_iso).toBe(String(codes.get(row.recipient_iso)));
      } else expect(apdRegionByCode.has(row.recipient_code), row.recipient_code).toBe(true);
    }
    expect(countries).toBeGreaterThan(0);
    // Senegal, the demo's first recipient, as the OECD numbers it.
    expect(rows.find((row) => row.recipient_iso === "SN")?.recipient_code).toBe("269");
  });
});
