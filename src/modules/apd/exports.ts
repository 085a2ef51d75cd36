import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor";
import { type Db, rowsOf } from "../../platform/db/client";
import {
  type TableColumn,
  csvChunks,
  toNodeStream,
  xlsxStream,
} from "../../platform/files/table-export";
import { authorize } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { collectiviteKindLabels } from "../atlas";
import {
  apdChannelLabels,
  apdFlowLabels,
  crsChannelCodes,
  crsFinanceTypes,
  declarationStatusLabels,
  type DeclarationStatus,
  isRegionCode,
  policyMarkers,
} from "./codes";
import { apdLabels } from "./labels";
import type { ApdLine } from "./line-input";
import { markerSelection } from "./submission-lines";
import { collectivites } from "../register/index";

export const apdExportFormats = ["csv", "xlsx", "crs"] as const;
export type ApdExportFormat = (typeof apdExportFormats)[number];

const exportQuerySchema = z.object({
  year: z
    .string({ message: "Le paramètre year est obligatoire (exemple : 2018)." })
    .trim()
    .regex(/^\d{4}$/, "Le paramètre year doit être une année sur 4 chiffres (exemple : 2018).")
    .transform(Number),
  format: z.enum(apdExportFormats, {
    message: `Le paramètre format doit valoir ${apdExportFormats.join(", ")}.`,
  }),
});

export function parseApdExportQuery(params: URLSearchParams) {
  return parseInput(exportQuerySchema, {
    year: params.get("year") ?? undefined,
    format: params.get("format") ?? "csv",
  });
}

/** One counted line, with what the consolidated file says about its collectivité. */
export interface ExportLine extends ApdLine {
  id: number;
  year: number;
  collectiviteName: string;
  collectiviteSiren: string | null;
  collectiviteKind: string;
  regionCode: string | null;
  departementCode: string | null;
  status: DeclarationStatus;
  late: boolean;
  /** The OECD DAC numeric code of the recipient (Senegal 269). */
  recipientDacCode: number | null;
}

const BATCH = 5_000;

/** The counted lines of a year, by keyset batches so a large year never sits in memory. */
async function* countedLines(db: Db, year: number): AsyncGenerator<ExportLine[]> {
  let after = 0;
  for (;;) {
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        SELECT l.id, l.year, c.name AS "collectiviteName", u.siren AS "collectiviteSiren",
               c.kind AS "collectiviteKind", c.region_code AS "regionCode",
               c.departement_code AS "departementCode", d.status, d.late,
               l.recipient_code AS "recipientCode", k.dac_code AS "recipientDacCode",
               l.purpose_code AS "purposeCode", l.amount_cents AS "amountCents", l.flow,
               l.channel, l.project_id AS "projectId", l.description, ${markerSelection()}
          FROM apd_submission_lines l
          JOIN apd_submissions s ON s.id = l.submission_id
          JOIN apd_declarations d ON d.id = s.declaration_id
          JOIN ${collectivites} c ON c.id = l.collectivite_id
          LEFT JOIN ref_territorial_units u ON u.id = c.unit_id
          LEFT JOIN ref_countries k ON k.code = l.recipient_code
         WHERE l.counted AND l.year = ${year} AND l.id > ${after}
         ORDER BY l.id LIMIT ${BATCH}`),
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      ...(row as unknown as ExportLine),
      id: Number(row.id),
      amountCents: Number(row.amountCents),
    }));
    after = Number(rows[rows.length - 1].id);
    if (rows.length < BATCH) return;
  }
}

const euros = (cents: number) => (cents / 100).toFixed(2);
const frenchEuros = (cents: number) => euros(cents).replace(".", ",");

async function consolidatedColumns(db: Db): Promise<TableColumn<ExportLine>[]> {
  const labels = await apdLabels(db);
  return [
    { header: "Année", text: (l) => String(l.year), numeric: (l) => l.year, width: 8 },
    { header: "Collectivité", text: (l) => l.collectiviteName, width: 36 },
    { header: "SIREN", text: (l) => l.collectiviteSiren ?? "", width: 12 },
    {
      header: "Type de collectivité",
      text: (l) => collectiviteKindLabels[l.collectiviteKind] ?? l.collectiviteKind,
    },
    { header: "Région (code INSEE)", text: (l) => l.regionCode ?? "" },
    { header: "Département (code INSEE)", text: (l) => l.departementCode ?? "" },
    { header: "Pays ou région bénéficiaire (code)", text: (l) => l.recipientCode },
    {
      header: "Pays ou région bénéficiaire",
      text: (l) => labels.recipient(l.recipientCode),
      width: 24,
    },
    { header: "Secteur (code CAD)", text: (l) => l.purposeCode },
    { header: "Secteur", text: (l) => labels.purpose(l.purposeCode), width: 30 },
    { header: "Type de flux", text: (l) => apdFlowLabels[l.flow] },
    { header: "Canal", text: (l) => apdChannelLabels[l.channel], width: 28 },
    {
      header: "Montant (euros)",
      text: (l) => frenchEuros(l.amountCents),
      numeric: (l) => l.amountCents / 100,
      width: 14,
    },
    {
      header: "Fiche-projet Atlas",
      text: (l) => (l.projectId === null ? "" : String(l.projectId)),
    },
    { header: "Description", text: (l) => l.description, width: 40 },
    ...policyMarkers.map(
      (marker): TableColumn<ExportLine> => ({
        header: `Marqueur OCDE : ${marker.label}`,
        text: (l) => String(l[marker.field]),
        numeric: (l) => l[marker.field],
      }),
    ),
    { header: "Statut de la déclaration", text: (l) => declarationStatusLabels[l.status] },
    { header: "En retard", text: (l) => (l.late ? "oui" : "non") },
  ];
}

/** The OECD CRS-style columns, documented in the README. */
const crsColumns: TableColumn<ExportLine>[] = [
  { header: "reporting_year", text: (l) => String(l.year) },
  { header: "reporting_entity", text: (l) => l.collectiviteName },
  { header: "reporting_entity_siren", text: (l) => l.collectiviteSiren ?? "" },
  // The CRS names recipients by the DAC's numeric code (a region's is already one); a
  // country's ISO code stays beside it.
  {
    header: "recipient_code",
    text: (l) =>
      isRegionCode(l.recipientCode) ? l.recipientCode : String(l.recipientDacCode ?? ""),
  },
  { header: "recipient_iso", text: (l) => (isRegionCode(l.recipientCode) ? "" : l.recipientCode) },
  { header: "purpose_code", text: (l) => l.purposeCode },
  { header: "flow_code", text: () => "10" },
  { header: "finance_type", text: (l) => crsFinanceTypes[l.flow] },
  { header: "channel_code", text: (l) => crsChannelCodes[l.channel] },
  { header: "amount_eur", text: (l) => euros(l.amountCents) },
  { header: "currency", text: () => "EUR" },
  // The policy markers, scored as the CRS scores them (0, 1 or 2).
  ...policyMarkers.map(
    (marker): TableColumn<ExportLine> => ({
      header: marker.crs,
      text: (l) => String(l[marker.field]),
    }),
  ),
];

/**
 * Line-level files of a year (DAECT only): the consolidated CSV or XLSX, and the CRS-style
 * CSV for France's report to the OECD (comma-separated, decimal point, English headers).
 */
export async function apdExport(db: Db, actor: Actor, year: number, format: ApdExportFormat) {
  authorize(actor, "apd:export:lines");
  const lines = countedLines(db, year);
  if (format === "crs")
    return {
      body: toNodeStream(crsChunks(lines)),
      contentType: "text/csv; charset=utf-8",
      filename: `apd-${year}-crs.csv`,
    };
  const columns = await consolidatedColumns(db);
  return format === "csv"
    ? {
        body: toNodeStream(csvChunks(lines, columns)),
        contentType: "text/csv; charset=utf-8",
        filename: `apd-${year}-lignes.csv`,
      }
    : {
        body: toNodeStream(xlsxStream(lines, columns, `APD ${year}`)),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename: `apd-${year}-lignes.xlsx`,
      };
}

async function* crsChunks(batches: AsyncIterable<ExportLine[]>) {
  yield stringify([crsColumns.map((column) => column.header)], { record_delimiter: "windows" });
  for await (const batch of batches)
    yield stringify(
      batch.map((line) => crsColumns.map((column) => column.text(line))),
      { record_delimiter: "windows" },
    );
}
