import type { Db } from "../../../platform/db/client";
import type { PublicCache } from "../../../platform/cache";
import { atlasLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { exportColumns } from "./columns";
import { exportProjects } from "./export-rows";
import { csvLinesFromDatabase } from "./csv-in-sql";
import type { ExportColumn } from "./columns";
import { csvHeader, geojsonChunks, toNodeStream, xlsxStream } from "./formats";
import { iatiChunks } from "./iati";
import { searchReportPdf } from "./pdf-reports";
import { parseInput } from "../../../platform/validation";
import { z } from "zod";

export const exportFormats = ["csv", "xlsx", "geojson", "iati", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  geojson: "application/geo+json; charset=utf-8",
  iati: "application/xml; charset=utf-8",
  pdf: "application/pdf",
};

const extensions: Record<ExportFormat, string> = {
  csv: "csv",
  xlsx: "xlsx",
  geojson: "geojson",
  iati: "xml",
  pdf: "pdf",
};

async function* csvFile(
  db: Db,
  filters: ProjectFilters,
  publicUrl: string,
  columns: ExportColumn[],
) {
  yield csvHeader(columns);
  yield* csvLinesFromDatabase(db, filters, publicUrl);
}

export const parseExportFormat = (value: string | null): ExportFormat =>
  parseInput(
    z.object({
      format: z.enum(exportFormats, {
        message: `Le format doit être l'une des valeurs : ${exportFormats.join(", ")}.`,
      }),
    }),
    { format: value ?? undefined },
    "La demande d'export contient des paramètres invalides.",
  ).format;

/** A streamed export of the projects matching the filters: an open format or a PDF report. */
export async function projectExport(
  db: Db,
  filters: ProjectFilters,
  format: ExportFormat,
  options: {
    publicUrl: string;
    now: Date;
    /** The instance's cache of public figures: a report's counts are kept there a while. */
    cache?: PublicCache;
  },
) {
  const labels = await atlasLabels(db);
  const batches = exportProjects(db, filters);
  const columns = exportColumns(labels, options.publicUrl);
  const body =
    format === "pdf"
      ? await searchReportPdf(db, filters, options)
      : format === "csv"
        ? toNodeStream(csvFile(db, filters, options.publicUrl, columns))
        : format === "xlsx"
          ? toNodeStream(xlsxStream(batches, columns, "Projets"))
          : format === "geojson"
            ? toNodeStream(
                geojsonChunks(batches, (project) => ({
                  title: project.title,
                  status: labels.status.get(project.status) ?? project.status,
                  startYear: project.startYear,
                  endYear: project.endYear,
                  countries: project.countries,
                  themes: project.themes.map((code) => labels.theme.get(code) ?? code),
                  collectivites: project.collectivites,
                  url: `${options.publicUrl}/atlas/projets/${project.id}`,
                })),
              )
            : toNodeStream(iatiChunks(batches, labels, options.now));
  const day = options.now.toISOString().slice(0, 10);
  return {
    body,
    contentType: contentTypes[format],
    filename: `atlas-projets-${day}.${extensions[format]}`,
  };
}
