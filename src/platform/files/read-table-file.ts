import { PassThrough, Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Invalid } from "../errors";
import { yieldToEventLoop } from "../event-loop";

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
 * row keeps the line number a spreadsheet shows. Both formats are read as streams that stop
 * at the first row past the limit, and give the event loop back every few hundred rows: a
 * huge file is refused quickly and never holds the server.
 */
export async function readImportFile(
  filename: string,
  content: Buffer,
): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
  if (content.length === 0) throw fileError("Le fichier est vide.");
  if (content.length > MAX_IMPORT_BYTES)
    throw fileError("Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.");
  const lines = /\.xlsx$/i.test(filename)
    ? xlsxLines(content)
    : /\.csv$/i.test(filename)
      ? csvLines(content)
      : null;
  if (!lines) throw fileError("Le fichier doit être au format CSV (.csv) ou Excel (.xlsx).");
  let headers: string[] | null = null;
  const rows: Record<string, string>[] = [];
  for await (const { number, cells } of lines) {
    if (headers === null) {
      if (number !== 1 || cells.every((cell) => cell.trim() === "")) break;
      headers = cells.map(normalizeHeader);
      continue;
    }
    if (cells.every((cell) => cell.trim() === "")) continue;
    if (rows.length === MAX_IMPORT_ROWS) throw tooManyRows();
    const row: Record<string, string> = { _line: String(number) };
    headers.forEach((name, column) => {
      if (name) row[name] = (cells[column] ?? "").trim();
    });
    rows.push(row);
    if (rows.length % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  if (!headers)
    throw fileError("La première ligne du fichier doit contenir les noms des colonnes.");
  if (rows.length === 0) throw fileError("Le fichier ne contient aucune ligne de données.");
  return { headers, rows };
}

const YIELD_EVERY = 500;

const tooManyRows = () =>
  fileError(
    `Le fichier contient plus de ${MAX_IMPORT_ROWS.toLocaleString("fr-FR")} lignes : ${MAX_IMPORT_ROWS.toLocaleString("fr-FR")} au plus par import. Découpez-le en plusieurs fichiers.`,
  );

const unreadableXlsx = () =>
  fileError("Le fichier Excel ne peut pas être lu : enregistrez-le au format .xlsx.");

/** The workbook's first sheet: the lowest-numbered worksheet part (the template's "Notice" follows it). */
function firstSheet(zip: JSZip): JSZip.JSZipObject | undefined {
  return zip
    .file(/^xl\/worksheets\/sheet\d*\.xml$/)
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }))[0];
}

/**
 * Whether a sheet holds more than `limit` rows, found by counting its <row> elements as the
 * sheet is unzipped, stopping at the limit. A spreadsheet reader must parse every sheet before
 * the shared strings that usually follow them; this count does not, so a file of 300 000 rows
 * is refused in a fraction of a second.
 */
async function rowsExceed(sheet: JSZip.JSZipObject, limit: number): Promise<boolean> {
  const stream = sheet.nodeStream();
  return new Promise<boolean>((resolve, reject) => {
    let rows = 0;
    let tail = "";
    const ROW = /<(?:\w+:)?row[\s>]/g;
    stream.on("data", (chunk: Buffer) => {
      const text = tail + chunk.toString("latin1");
      // A tag cut between two chunks is counted with the next one, and only once.
      for (const match of text.matchAll(ROW))
        if ((match.index ?? 0) + match[0].length > tail.length) rows += 1;
      tail = text.slice(-16);
      if (rows > limit) {
        stream.pause();
        resolve(true);
      }
    });
    stream.on("end", () => resolve(rows > limit));
    stream.on("error", reject);
  }).catch(() => {
    throw unreadableXlsx();
  });
}

const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * The parts the streaming reader needs, in the order it needs them: relations, workbook,
 * shared strings and styles, then the one sheet. Files keep their parts in any order (Excel
 * writes the shared strings after the sheets, some writers the workbook last); read in that
 * order, the reader parks the sheets in temporary files and, under load, can lose a part of
 * the archive (exceljs#3064). Given this order it reads straight through.
 */
function inReadingOrder(zip: JSZip, sheet: JSZip.JSZipObject): Readable {
  const ordered = new JSZip();
  for (const name of ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml"]) {
    const part = zip.file(name);
    if (part) ordered.file(name, part.nodeStream());
  }
  const sharedStrings = zip.file("xl/sharedStrings.xml");
  ordered.file("xl/sharedStrings.xml", sharedStrings?.nodeStream() ?? EMPTY_SHARED_STRINGS);
  ordered.file(sheet.name, sheet.nodeStream());
  const archive = ordered.generateNodeStream({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 1 },
  });
  // JSZip's stream is its own Readable; the reader accepts Node's.
  const out = new PassThrough();
  archive.on("error", (error: Error) => out.destroy(error));
  return archive.pipe(out);
}

interface Line {
  /** The line number a spreadsheet shows (1: the header). */
  number: number;
  cells: string[];
}

async function* csvLines(content: Buffer): AsyncGenerator<Line> {
  const text = content.toString("utf8");
  if (text.includes("\uFFFD"))
    throw fileError(
      "Le fichier CSV n'est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 ».",
    );
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parser = Readable.from([text]).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }),
  );
  let number = 0;
  try {
    for await (const cells of parser) {
      number += 1;
      yield { number, cells: cells as string[] };
    }
  } catch (error) {
    if (error instanceof Invalid) throw error;
    const line = (error as { lines?: number }).lines;
    throw fileError(
      `Le fichier CSV est mal formé${line ? ` (ligne ${line})` : ""} : vérifiez les guillemets.`,
    );
  } finally {
    parser.destroy();
  }
}

async function* xlsxLines(content: Buffer): AsyncGenerator<Line> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw unreadableXlsx();
  }
  const sheet = firstSheet(zip);
  if (!sheet) throw fileError("Le fichier Excel ne contient aucune feuille.");
  // Header included: past the limit the file is refused before the sheet is parsed.
  if (await rowsExceed(sheet, MAX_IMPORT_ROWS + 1)) throw tooManyRows();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(inReadingOrder(zip, sheet), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellText(cell);
        });
        yield { number: row.number, cells: Array.from(cells, (cell) => cell ?? "") };
      }
    }
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw unreadableXlsx();
  }
  if (!sawSheet) throw unreadableXlsx();
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
