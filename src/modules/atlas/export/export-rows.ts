import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import type { ProjectFilters } from "../search/filters";
import { effectiveKeyword, projectConditions } from "../search/project-search";

/** A project with everything the exports write; public data only (no contacts). */
export interface ExportProject {
  id: number;
  title: string;
  status: string;
  startYear: number | null;
  endYear: number | null;
  domainCode: string;
  objectives: string | null;
  description: string | null;
  totalBudgetCents: number | null;
  updatedAt: string;
  countries: string[];
  themes: string[];
  sdgs: string[];
  partnershipKinds: string[];
  collectivites: string[];
  authorities: string[];
  fundings: { source: string; amountCents: number }[];
  latitude: number | null;
  longitude: number | null;
}

export const EXPORT_BATCH = 2_000;

/**
 * The projects matching the filters, batch after batch in id order. Each batch is one
 * keyset query, so memory stays flat and no transaction is held open however large the
 * export.
 */
export async function* exportProjects(
  q: Queryable,
  filters: ProjectFilters,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportProject[]> {
  const keyword = await effectiveKeyword(q, filters);
  const where = projectConditions(filters, keyword);
  let after = 0;
  for (;;) {
    const rows = rowsOf<ExportProject>(
      await q.execute(sql`
        SELECT i.project_id AS id, i.title, i.status, i.start_year AS "startYear",
               i.end_year AS "endYear", p.domain_code AS "domainCode", p.objectives,
               p.description, p.total_budget_cents AS "totalBudgetCents",
               to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
               i.countries,
               i.themes, i.sdgs, i.partnership_kinds AS "partnershipKinds",
               i.collectivite_names AS collectivites, i.authority_names AS authorities,
               i.funding_lines AS fundings, i.latitude, i.longitude
          FROM atlas_project_index i
          JOIN atlas_projects p ON p.id = i.project_id
         WHERE ${where} AND i.project_id > ${after}
         ORDER BY i.project_id
         LIMIT ${batchSize}`),
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}
