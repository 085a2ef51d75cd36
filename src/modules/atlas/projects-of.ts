import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import type { ProjectFilters } from "./search/filters";
import { effectiveKeyword, projectConditions } from "./search/project-search";

/**
 * The projects a collectivité leads or takes part in through a partnership, as (id, title)
 * pairs by title: what its declarations of aid may refer to. With `ids`, only those of them.
 */
export async function projectsOfCollectivite(
  q: Queryable,
  collectiviteId: number,
  options: { ids?: readonly number[]; limit?: number } = {},
): Promise<[string, string][]> {
  if (options.ids && options.ids.length === 0) return [];
  const only = options.ids
    ? sql`AND p.id IN (${sql.join(
        options.ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const rows = rowsOf<{ code: string; label: string }>(
    await q.execute(sql`
      SELECT p.id::text AS code, p.title AS label FROM atlas_projects p
       WHERE p.id IN (SELECT id FROM atlas_projects WHERE lead_collectivite_id = ${collectiviteId}
                      UNION
                      SELECT pp.project_id FROM atlas_project_partnerships pp
                        JOIN atlas_partnership_collectivites pc ON pc.partnership_id = pp.partnership_id
                       WHERE pc.collectivite_id = ${collectiviteId})
         ${only}
       ORDER BY p.title LIMIT ${options.limit ?? 500}`),
  );
  return rows.map((row) => [row.code, row.label]);
}

/** The newest project's id: where a saved search's alerts start. */
export async function latestProjectId(q: Queryable): Promise<number> {
  const [row] = rowsOf<{ id: number | null }>(
    await q.execute(sql`SELECT max(id) AS id FROM atlas_projects`),
  );
  return row?.id ?? 0;
}

/** Projects of a search added after a given id: how many, the newest titles, the last id. */
export async function projectsAfter(
  q: Queryable,
  filters: ProjectFilters,
  afterId: number,
  titles: number,
) {
  const conditions = projectConditions(filters, await effectiveKeyword(q, filters));
  const [summary] = rowsOf<{ count: number; last_id: number | null }>(
    await q.execute(sql`
      SELECT count(*)::int AS count, max(i.project_id) AS last_id FROM atlas_project_index i
       WHERE ${conditions} AND i.project_id > ${afterId}`),
  );
  const newest = rowsOf<{ id: number; title: string }>(
    await q.execute(sql`
      SELECT i.project_id AS id, i.title FROM atlas_project_index i
       WHERE ${conditions} AND i.project_id > ${afterId}
       ORDER BY i.project_id DESC LIMIT ${titles}`),
  );
  return { count: summary.count, lastId: summary.last_id, titles: newest };
}

/** A project's title, for the pages around its fiche. */
export async function projectTitle(q: Queryable, projectId: number): Promise<string> {
  const [row] = rowsOf<{ title: string }>(
    await q.execute(sql`SELECT title FROM atlas_projects WHERE id = ${projectId}`),
  );
  if (!row) throw new NotFound("Ce projet n'existe pas.");
  return row.title;
}
