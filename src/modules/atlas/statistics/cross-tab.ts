import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { frenchCompare } from "../../../platform/french/collation";
import { atlasLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { effectiveKeyword, projectConditions } from "../search/project-search";
import { projectValues } from "./grouped-stats";
import type { StatGroup } from "./stat-groups";

export interface CrossTabLine {
  key: string;
  label: string;
  /** Projects with this value (each once, whatever its values in the other dimension). */
  projects: number;
}

export interface CrossTab {
  rows: CrossTabLine[];
  columns: CrossTabLine[];
  /** Projects per `${row}|${column}`: those having both values, as the search counts them. */
  cells: Record<string, number>;
  /** Projects of the search, each once. */
  total: number;
}

/**
 * The projects of a search crossed by two dimensions: each cell counts the projects having
 * both values — exactly what the search finds with both as filters. A project with two
 * countries counts in both rows, so rows add up to more than the total: shares are of the
 * row (or of the total for a column), never summed.
 */
export async function crossTabulation(
  db: Db,
  rowGroup: StatGroup,
  columnGroup: StatGroup,
  filters: ProjectFilters,
): Promise<CrossTab> {
  const keyword = await effectiveKeyword(db, filters);
  const where = projectConditions(filters, keyword);
  const counted = (group: StatGroup) =>
    db.execute(sql`
      SELECT v.key, count(*)::int AS projects
        FROM atlas_project_index i CROSS JOIN LATERAL unnest(${projectValues[group]}) AS v(key)
       WHERE ${where} AND v.key IS NOT NULL GROUP BY v.key`);
  const [cellRows, rowTotals, columnTotals, totalRows, labels] = await Promise.all([
    db.execute(sql`
      SELECT r.key AS row, c.key AS col, count(*)::int AS projects
        FROM atlas_project_index i
        CROSS JOIN LATERAL unnest(${projectValues[rowGroup]}) AS r(key)
        CROSS JOIN LATERAL unnest(${projectValues[columnGroup]}) AS c(key)
       WHERE ${where} AND r.key IS NOT NULL AND c.key IS NOT NULL
       GROUP BY r.key, c.key`),
    counted(rowGroup),
    counted(columnGroup),
    db.execute(sql`SELECT count(*)::int AS total FROM atlas_project_index i WHERE ${where}`),
    atlasLabels(db),
  ]);
  const lines = (group: StatGroup, result: unknown) => {
    const names = group === "year" ? null : labels[group];
    const list = rowsOf<{ key: string; projects: number }>(result as never).map((row) => ({
      key: String(row.key),
      label: (names?.get(String(row.key)) ?? String(row.key)).replace(/^[\dAB]+ – /, ""),
      projects: row.projects,
    }));
    return group === "year"
      ? list.sort((a, b) => Number(a.key) - Number(b.key))
      : list.sort((a, b) => b.projects - a.projects || frenchCompare(a.label, b.label));
  };
  return {
    rows: lines(rowGroup, rowTotals),
    columns: lines(columnGroup, columnTotals),
    cells: Object.fromEntries(
      rowsOf<{ row: string; col: string; projects: number }>(cellRows).map((cell) => [
        `${cell.row}|${cell.col}`,
        cell.projects,
      ]),
    ),
    total: rowsOf<{ total: number }>(totalRows)[0].total,
  };
}
