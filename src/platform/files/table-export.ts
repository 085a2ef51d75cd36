import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
/** A column of a tabular export: its header, its text, and a number for spreadsheets. */
export interface TableColumn<T> {
  header: string;
  /** Text for CSV; XLSX writes numbers as numbers (see `numeric`). */
  text(row: T): string;
  numeric?(row: T): number | null;
  width?: number;
}

/**
 * Lines as CSV for Excel in French: `;` between fields, CRLF lines and, at the start of a
 * file (`bom`), the byte-order mark that makes Excel read UTF-8.
 */
export const frenchCsv = (lines: unknown[][], { bom = true } = {}) =>
  stringify(lines, { delimiter: ";", bom, record_delimiter: "windows" });

/** The header line of the CSV export, after the byte-order mark Excel needs. */
export const csvHeader = <T>(columns: TableColumn<T>[]) =>
  frenchCsv([columns.map((column) => column.header)]);

/**
 * CSV for Excel in French: UTF-8 with a byte-order mark, `;` between fields, CRLF lines,
 * written from the columns' definitions.
 */
export async function* csvChunks<T>(batches: AsyncIterable<T[]>, columns: TableColumn<T>[]) {
  yield csvHeader(columns);
  for await (const batch of batches)
    yield frenchCsv(
      batch.map((row) => columns.map((column) => column.text(row))),
      { bom: false },
    );
}

const WRITE_BUFFER = 1 << 20;

/**
 * XLSX written by exceljs's streaming writer: rows are committed batch by batch and the
 * zip is compressed as it goes, so the workbook never sits whole in memory. The writer
 * waits for the reader whenever a megabyte is pending.
 */
export function xlsxStream<T>(
  batches: AsyncIterable<T[]>,
  columns: TableColumn<T>[],
  sheetName: string,
) {
  const output = new PassThrough({ highWaterMark: WRITE_BUFFER });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column, i) => ({
    key: String(i),
    header: column.header,
    width: column.width ?? 14,
  }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of batches) {
      for (const row of batch)
        sheet
          .addRow(
            columns.map((column) => (column.numeric ? column.numeric(row) : column.text(row))),
          )
          .commit();
      if (output.writableLength > WRITE_BUFFER) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error));
  return output;
}

/** A Node stream of the chunks, read only as fast as its consumer takes them. */
export function toNodeStream(source: AsyncIterable<string | Buffer> | Readable): Readable {
  return source instanceof Readable ? source : Readable.from(source, { objectMode: false });
}
