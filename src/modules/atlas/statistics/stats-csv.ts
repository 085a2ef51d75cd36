import { frenchCsv } from "../../../platform/files/table-export";
import type { CrossTab } from "./cross-tab";
import type { StatRow } from "./grouped-stats";
import { type StatGroup, statColumns, statGroupLabels } from "./stat-groups";

/** A statistics table as CSV for French Excel (BOM, `;`). */
export function statsCsv(group: StatGroup, rows: StatRow[]): string {
  return frenchCsv([
    ["Code", statGroupLabels[group], ...statColumns.map(([, label]) => label)],
    ...rows.map((row) => [row.key, row.label, ...statColumns.map(([name]) => row[name])]),
  ]);
}

/**
 * A cross-table as CSV, whole (the page shows its largest lines and columns): a line per
 * value of the first dimension, a column per value of the second, each cell the projects
 * having both; the last column and the last line count each project once.
 */
export function crossCsv(rowGroup: StatGroup, columnGroup: StatGroup, cross: CrossTab): string {
  return frenchCsv([
    [
      "Code",
      `${statGroupLabels[rowGroup]} / ${statGroupLabels[columnGroup]}`,
      ...cross.columns.map((column) => column.label),
      "Ensemble des projets",
    ],
    ...cross.rows.map((row) => [
      row.key,
      row.label,
      ...cross.columns.map((column) => cross.cells[`${row.key}|${column.key}`] ?? 0),
      row.projects,
    ]),
    ["", "Ensemble des projets", ...cross.columns.map((column) => column.projects), cross.total],
  ]);
}
