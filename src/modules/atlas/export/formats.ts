import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ExportColumn } from "./columns";
import type { ExportProject } from "./export-rows";

type Batches = AsyncIterable<ExportProject[]>;

/** The header line of the CSV export, after the byte-order mark Excel needs. */
export const csvHeader = (columns: ExportColumn[]) =>
  stringify([columns.map((column) => column.header)], {
    delimiter: ";",
    bom: true,
    record_delimiter: "windows",
  });

/**
 * CSV for Excel in French: UTF-8 with a byte-order mark, `;` between fields, CRLF lines,
 * written from the columns' definitions. The export itself has the database write the same
 * lines (csv-in-sql.ts); this is the reference they are tested against.
 */
export async function* csvChunks(batches: Batches, columns: ExportColumn[]) {
  yield csvHeader(columns);
  for await (const batch of batches)
    yield stringify(
      batch.map((project) => columns.map((column) => column.text(project))),
      { delimiter: ";", record_delimiter: "windows" },
    );
}

/** GeoJSON FeatureCollection; a project with no known place has a null geometry. */
export async function* geojsonChunks(
  batches: Batches,
  describe: (project: ExportProject) => Record<string, unknown>,
) {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const batch of batches) {
    const features = batch.map((project) =>
      JSON.stringify({
        type: "Feature",
        id: project.id,
        geometry:
          project.latitude === null || project.longitude === null
            ? null
            : { type: "Point", coordinates: [project.longitude, project.latitude] },
        properties: describe(project),
      }),
    );
    if (features.length === 0) continue;
    yield (first ? "" : ",") + features.join(",");
    first = false;
  }
  yield "]}";
}

const WRITE_BUFFER = 1 << 20;

/**
 * XLSX written by exceljs's streaming writer: rows are committed batch by batch and the
 * zip is compressed as it goes, so the workbook never sits whole in memory. The writer
 * waits for the reader whenever a megabyte is pending.
 */
export function xlsxStream(batches: Batches, columns: ExportColumn[], sheetName: string) {
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
      for (const project of batch)
        sheet
          .addRow(
            columns.map((column) =>
              column.numeric ? column.numeric(project) : column.text(project),
            ),
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
