import ExcelJS from "exceljs";
import { frenchCsv } from "./table-export";

export interface TemplateColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
  /** The form field the column fills, when there is one. */
  field?: string;
}

/**
 * The template of an import: the header row and one example row; the XLSX also has a
 * "Notice" sheet describing each column. The CSV is what Excel opens in French (BOM, `;`).
 */
export async function templateFile(
  columns: readonly TemplateColumn[],
  format: "csv" | "xlsx",
  names: { file: string; sheet: string },
) {
  const filename = `${names.file}.${format}`;
  if (format === "csv") {
    const body = frenchCsv([
      columns.map((column) => column.name),
      columns.map((column) => column.example),
    ]);
    return { body: Buffer.from(body, "utf8"), contentType: "text/csv; charset=utf-8", filename };
  }
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(names.sheet);
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
