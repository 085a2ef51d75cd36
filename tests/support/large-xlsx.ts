import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** An XLSX of `rows` data lines under a header, written with the streaming writer. */
export async function largeXlsx(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Lignes");
  sheet.addRow(["pays", "secteur", "montant"]).commit();
  for (let n = 0; n < rows; n += 1) sheet.addRow(["SN", "14030", n]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
