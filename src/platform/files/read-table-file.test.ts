import { describe, expect, it } from "vitest";
import { largeXlsx } from "../../../tests/support/large-xlsx";
import { Invalid } from "../errors";
import { MAX_IMPORT_ROWS, readImportFile } from "./read-table-file";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fieldErrors.fichier;
}

describe("reading an imported table file", () => {
  it("reads an XLSX's first sheet with the line numbers a spreadsheet shows", async () => {
    const { headers, rows } = await readImportFile("lignes.xlsx", await largeXlsx(3));
    expect(headers).toEqual(["pays", "secteur", "montant"]);
    expect(rows.map((row) => [row._line, row.montant])).toEqual([
      ["2", "0"],
      ["3", "1"],
      ["4", "2"],
    ]);
  });

  it("refuses a file past the row limit, XLSX or CSV, naming the limit", {
    timeout: 120_000,
  }, async () => {
    const xlsx = await largeXlsx(MAX_IMPORT_ROWS + 10);
    expect(await refusal(readImportFile("trop.xlsx", xlsx))).toMatch(/plus de 50\s000 lignes/);
    const csv = Buffer.from(
      ["pays;montant", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, n) => `SN;${n}`)].join(
        "\n",
      ),
    );
    expect(await refusal(readImportFile("trop.csv", csv))).toMatch(/plus de 50\s000 lignes/);
    // Exactly the limit is accepted.
    const limit = Buffer.from(
      ["pays;montant", ...Array.from({ length: MAX_IMPORT_ROWS }, (_, n) => `SN;${n}`)].join("\n"),
    );
    expect((await readImportFile("juste.csv", limit)).rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it("refuses a broken file with a message on the file field", async () => {
    expect(await refusal(readImportFile("faux.xlsx", Buffer.from("pas un zip")))).toContain(
      "ne peut pas être lu",
    );
    expect(await refusal(readImportFile("faux.csv", Buffer.from('a;b\n"x;y\n')))).toContain(
      "mal formé",
    );
    expect(await refusal(readImportFile("faux.txt", Buffer.from("a")))).toContain("CSV");
  });
});
