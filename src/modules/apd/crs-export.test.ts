import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../tests/support/actors";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { dacRecipientCodes } from "../../reference/load/countries";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db/client";
import { InvalidRows } from "../../platform/errors";
import { apdRegionByCode, policyMarkers } from "./codes";
import { apdExport } from "./exports";
import type { ApdLine } from "./line-input";
import {
  closeApdCampaign,
  copyPreviousYear,
  declarationView,
  importLines,
  openApdCampaign,
  startDeclaration,
  submitDeclaration,
} from "./index";

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

describe("the OECD policy markers of a line", () => {
  const header = `pays;code_secteur;montant;type_flux;canal;description;${policyMarkers.map((m) => m.column).join(";")}`;
  const csv = (rows: string[]) => Buffer.from(`${header}\n${rows.join("\n")}\n`);

  it("go from the import file through the submission to the CRS and consolidated files, and into the next year's copy", async () => {
    const daect = await actorFor(database.db, "daect@example.org");
    const agent = await actorFor(database.db, "agent-35238@example.org");
    const [{ id: rennes }] = rowsOf<{ id: number }>(
      await database.db.execute(
        sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
      ),
    );
    const today = new Date();
    const open = (year: number) =>
      openApdCampaign(
        database.db,
        daect,
        {
          year: String(year),
          opensOn: today.toISOString().slice(0, 10),
          closesOn: new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
          message: "",
        },
        "http://portail.test",
        today,
      );
    const campaign = await open(2019);
    const declarationId = await startDeclaration(database.db, agent, rennes, 2019);
    const version = async (id: number) =>
      String((await declarationView(database.db, agent, id)).declaration.version);

    // A score other than 0, 1 or 2 is refused on its column; nothing is imported.
    const refused = await importLines(
      database.db,
      agent,
      declarationId,
      { name: "lignes.csv", content: csv(["SN;14030;1000;don;direct;Puits;1;1;3;0;2;0;0"]) },
      { replace: true, version: await version(declarationId) },
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidRows);
    expect((refused as InvalidRows).rows).toEqual([
      expect.objectContaining({ line: 2, column: "marqueur_biodiversite" }),
    ]);

    await importLines(
      database.db,
      agent,
      declarationId,
      {
        name: "lignes.csv",
        content: csv([
          "SN;14030;1000;don;direct;Puits de Dogo;1;1;0;0;2;0;0",
          "MG;31120;2500;don;ong;Semences;;;;;;2;1",
        ]),
      },
      { replace: true, version: await version(declarationId) },
    );
    const marks = (line: ApdLine) => policyMarkers.map((m) => line[m.field]);
    const stored = (await declarationView(database.db, agent, declarationId)).lines;
    expect(stored.map(marks)).toEqual([
      [1, 1, 0, 0, 2, 0, 0],
      [0, 0, 0, 0, 0, 2, 1],
    ]);
    await submitDeclaration(
      database.db,
      agent,
      declarationId,
      await version(declarationId),
      "http://portail.test",
    );

    const crs = parse(await textOf((await apdExport(database.db, daect, 2019, "crs")).body), {
      columns: true,
    }) as Record<string, string>[];
    const ours = crs.filter((row) => row.reporting_entity_siren === "213502388");
    expect(ours.map((row) => policyMarkers.map((m) => row[m.crs]))).toEqual([
      ["1", "1", "0", "0", "2", "0", "0"],
      ["0", "0", "0", "0", "0", "2", "1"],
    ]);
    const consolidated = await textOf((await apdExport(database.db, daect, 2019, "csv")).body);
    expect(consolidated).toContain("Marqueur OCDE : Adaptation au changement climatique");

    // The next year starts from these lines, markers included.
    await closeApdCampaign(database.db, daect, campaign.id);
    await open(2020);
    const next = await startDeclaration(database.db, agent, rennes, 2020);
    await copyPreviousYear(database.db, agent, next, await version(next));
    expect((await declarationView(database.db, agent, next)).lines.map(marks)).toEqual(
      stored.map(marks),
    );
  });
});
