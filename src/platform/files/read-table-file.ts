import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { Invalid } from "../errors";

/** Imports larger than this are refused before reading: split the file. */
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const fileError = (message: string) => new Invalid({ fichier: message }, message);

/** Header names as typed by people: case, accents and spaces do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * The rows of an uploaded CSV (UTF-8, `;` or `,` separated, as Excel saves it in French) or
 * XLSX (first sheet) file, as text keyed by normalised header. Blank lines are skipped; each
 * row keeps the line number a spreadsheet shows.
 */
export async function readImportFile(
  filename: string,
  content: Buffer,
): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
  if (content.length === 0) throw fileError("Le fichier est vide.");
  if (content.length > MAX_IMPORT_BYTES)
    throw fileError("Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.");
  const table = /\.xlsx$/i.test(filename)
    ? await readXlsx(content)
    : /\.csv$/i.test(filename)
      ? readCsv(content)
      : null;
  if (!table) throw fileError("Le fichier doit être au format CSV (.csv) ou Excel (.xlsx).");
  const [header, ...lines] = table;
  if (!header || header.every((cell) => cell.trim() === ""))
    throw fileError("La première ligne du fichier doit contenir les noms des colonnes.");
  const headers = header.map(normalizeHeader);
  const rows: Record<string, string>[] = [];
  lines.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const row: Record<string, string> = { _line: String(i + 2) };
    headers.forEach((name, column) => {
      if (name) row[name] = (cells[column] ?? "").trim();
    });
    rows.push(row);
  });
  if (rows.length === 0) throw fileError("Le fichier ne contient aucune ligne de données.");
  if (rows.length > MAX_IMPORT_ROWS)
    throw fileError(
      `Le fichier contient ${rows.length} lignes : ${MAX_IMPORT_ROWS} au plus par import.`,
    );
  return { headers, rows };
}

function readCsv(content: Buffer): string[][] {
  const text = content.toString("utf8");
  if (text.includes("\uFFFD"))
    throw fileError(
      "Le fichier CSV n'est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 ».",
    );
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileError(
      `Le fichier CSV est mal formé${line ? ` (ligne ${line})` : ""} : vérifiez les guillemets.`,
    );
  }
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw fileError("Le fichier Excel ne peut pas être lu : enregistrez-le au format .xlsx.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError("Le fichier Excel ne contient aucune feuille.");
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell);
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? "");
  });
  return Array.from(table, (row) => row ?? []);
}

/** A cell as the text a person sees (dates as JJ/MM/AAAA, numbers as typed). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return String(value.result ?? "");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}
