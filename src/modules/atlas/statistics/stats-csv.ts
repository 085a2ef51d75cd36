import { stringify } from "csv-stringify/sync";
import type { StatRow } from "./grouped-stats";
import { type StatGroup, statColumns, statGroupLabels } from "./stat-groups";

/** A statistics table as CSV for French Excel (BOM, `;`). */
export function statsCsv(group: StatGroup, rows: StatRow[]): string {
  return stringify(
    [
      ["Code", statGroupLabels[group], ...statColumns.map(([, label]) => label)],
      ...rows.map((row) => [row.key, row.label, ...statColumns.map(([name]) => row[name])]),
    ],
    { delimiter: ";", bom: true, record_delimiter: "windows" },
  );
}
