import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ImportKind } from "./import.schema";
import { templateColumns } from "./templates";

const fileNames: Record<ImportKind, string> = {
  projects: "modele-import-projets",
  partnerships: "modele-import-partenariats",
};

/**
 * The template of an import: the header row and one example row; the XLSX also has a
 * "Notice" sheet describing each column. The CSV is what Excel opens in French (BOM, `;`).
 */
export async function importTemplate(kind: ImportKind, format: "csv" | "xlsx") {
  const columns = templateColumns[kind];
  const filename = `${fileNames[kind]}.${format}`;
  if (format === "csv") {
    const body = `\uFEFF${stringify(
      [columns.map((column) => column.name), columns.map((column) => column.example)],
      { delimiter: ";", record_delimiter: "\r\n" },
    )}`;
    return { body: Buffer.from(body, "utf8"), contentType: "text/csv; charset=utf-8", filename };
  }
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(kind === "projects" ? "Projets" : "Partenariats");
  data.addRow(columns.map((column) => column.name)).font = { bold: true };
  data.addRow(columns.map((column) => column.example));
  const notice = workbook.addWorksheet("Notice");
  notice.addRow(["Colonne", "Obligatoire", "Contenu"]).font = { bold: true };
  for (const column of columns)
    notice.addRow([column.name, column.required ? "oui" : "non", column.description]);
  notice.columns.forEach((column, i) => {
    column.width = [28, 12, 90][i];
  });
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename,
  };
}
