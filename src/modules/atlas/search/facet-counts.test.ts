import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../../tests/support/actors";
import { builders } from "../../../../tests/support/build";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import type { SignedInActor } from "../../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import { createProject, updateProject } from "../editing/project-commands";
import { projectFormValues } from "../editing/project-input";
import { readProject } from "../editing/project-record";
import { refreshProjectIndex, removeFromProjectIndex } from "../project-index";
import { arrayColumns, facetNames, rebuildFacetCounts, storedFilterKey } from "./facet-counts";
import { type ProjectFilters, parseProjectFilters } from "./filters";
import { countProjects, effectiveKeyword, projectConditions } from "./project-search";

let database: TestDatabase;
let rennesAgent: SignedInActor;
let rennesId: number;
beforeAll(async () => {
  database = await openTestDatabase();
  rennesAgent = await actorFor(database.db, "agent-35238@example.org");
  rennesId = (await builders(database.db).collectivite()).id;
});
afterAll(() => database.close());

const filtersOf = (query: string) => parseProjectFilters(new URLSearchParams(query));

/** The counts as a plain per-facet count of the search rows would give them. */
async function directCounts(q: Queryable, filters: ProjectFilters) {
  const where = projectConditions(filters, await effectiveKeyword(q, filters));
  const perFacet = facetNames.map(
    (name) =>
      sql`SELECT ${name} AS facet, v::text AS value, count(*)::int AS n
            FROM atlas_project_index i, unnest(i.${sql.identifier(arrayColumns[name])}) v
           WHERE ${where} GROUP BY v`,
  );
  const rows = rowsOf<{ facet: string; value: string; n: number }>(
    await q.execute(sql`
      SELECT '' AS facet, '' AS value, count(*)::int AS n FROM atlas_project_index i WHERE ${where}
      UNION ALL SELECT 'status', i.status, count(*)::int FROM atlas_project_index i
                 WHERE ${where} GROUP BY i.status
      UNION ALL ${sql.join(perFacet, sql` UNION ALL `)}`),
  );
  const facets: Record<string, Record<string, number>> = {};
  let total = 0;
  for (const row of rows) {
    if (row.facet === "") total = row.n;
    else facets[row.facet] = { ...facets[row.facet], [row.value]: row.n };
  }
  return { total, facets };
}

/** Every search of one value the demo data can ask, as `name=value`. */
async function oneValueSearches(q: Queryable) {
  const rows = rowsOf<{ filter: string }>(
    await q.execute(sql`SELECT DISTINCT filter FROM atlas_facet_counts WHERE filter <> ''
                         ORDER BY filter`),
  );
  return rows.map((row) => row.filter);
}

/** The stored counts, without the values no project carries any more. */
async function storedTable(q: Queryable) {
  return rowsOf<{ filter: string; facet: string; value: string; projects: number }>(
    await q.execute(sql`SELECT filter, facet, value, projects FROM atlas_facet_counts
                         WHERE projects <> 0 ORDER BY 1, 2, 3`),
  );
}

/** The stored counts as a count from scratch gives them (computed, then rolled back). */
async function recounted() {
  let rows: Awaited<ReturnType<typeof storedTable>> = [];
  await database.db
    .transaction(async (tx) => {
      await rebuildFacetCounts(tx);
      rows = await storedTable(tx);
      throw new Error("rollback");
    })
    .catch(() => undefined);
  return rows;
}

describe("stored facet counts", () => {
  it("answer the search without filters and every one-value search as a direct count", async () => {
    const searches = await oneValueSearches(database.db);
    // Every kind of filter with a facet, and statuses, have stored values in the demo.
    const kinds = new Set(searches.map((search) => search.split("=")[0]));
    expect([...kinds].sort()).toEqual([...facetNames, "status"].sort());
    expect(searches.length).toBeGreaterThan(150);
    for (const query of ["", ...searches, "country=TV"]) {
      const filters = filtersOf(query);
      expect(storedFilterKey(filters, null)).toBe(query);
      expect({ query, ...(await countProjects(database.db, filters)) }).toEqual({
        query,
        ...(await directCounts(database.db, filters)),
      });
    }
  });

  it("leave narrower searches to a one-pass count that gives the same figures", async () => {
    const searches = await oneValueSearches(database.db);
    const first = (kind: string, skip = 0) =>
      searches.filter((search) => search.startsWith(`${kind}=`))[skip];
    const narrower = [
      `${first("continent")}&${first("theme")}`,
      `${first("country")}&${first("country", 1)}`,
      `${first("region")}&${first("collectiviteKind")}&${first("status")}`,
      `q=eau&${first("continent")}`,
      "q=formation",
      `yearFrom=2015&${first("funding")}`,
      `collectivite=${rennesId}`,
      `${first("sdg")}&${first("partnershipKind")}&${first("departement")}`,
    ];
    for (const query of narrower) {
      const filters = filtersOf(query);
      expect(storedFilterKey(filters, await effectiveKeyword(database.db, filters))).toBeNull();
      const counted = await countProjects(database.db, filters);
      expect({ query, ...counted }).toEqual({
        query,
        ...(await directCounts(database.db, filters)),
      });
      expect((await countProjects(database.db, filters, false)).total).toBe(counted.total);
    }
  });

  it("follow a project created, edited and deleted, within the transaction that changes it", async () => {
    const before = await countProjects(database.db, filtersOf("country=TV"));
    expect(before.total).toBe(0);
    const { projectId } = await createProject(database.db, rennesAgent, rennesId, {
      title: "Observatoire du littoral partagé",
      domainCode: "environnement-climat-energie",
      themes: ["dechets"],
      sdgs: ["13"],
      countries: ["TV"],
      status: "en_projet",
      startYear: "2027",
    });
    const created = await countProjects(database.db, filtersOf("country=TV"));
    expect(created.total).toBe(1);
    expect(created.facets.sdg).toEqual({ "13": 1 });
    expect(await storedTable(database.db)).toEqual(await recounted());

    const stored = (await readProject(database.db, projectId))!;
    await updateProject(database.db, rennesAgent, projectId, {
      ...projectFormValues(stored.input),
      version: String(stored.version),
      countries: ["TV", "SN"],
      sdgs: ["13", "14"],
      status: "en_cours",
    });
    const edited = await countProjects(database.db, filtersOf("country=TV"));
    expect(edited.facets.sdg).toEqual({ "13": 1, "14": 1 });
    expect(edited.facets.status).toEqual({ en_cours: 1 });
    expect(await storedTable(database.db)).toEqual(await recounted());

    // Inside the transaction the counts already say it; rolled back, they never did.
    const everything = (await countProjects(database.db, filtersOf(""))).total;
    await database.db
      .transaction(async (tx) => {
        await removeFromProjectIndex(tx, [projectId]);
        await tx.execute(sql`DELETE FROM atlas_projects WHERE id = ${projectId}`);
        expect((await countProjects(tx, filtersOf("country=TV"))).total).toBe(0);
        expect((await countProjects(tx, filtersOf(""))).total).toBe(everything - 1);
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect((await countProjects(database.db, filtersOf("country=TV"))).total).toBe(1);

    await database.db.transaction(async (tx) => {
      await removeFromProjectIndex(tx, [projectId]);
      await tx.execute(sql`DELETE FROM atlas_projects WHERE id = ${projectId}`);
    });
    expect(await countProjects(database.db, filtersOf("country=TV"))).toEqual(before);
    expect((await countProjects(database.db, filtersOf(""))).total).toBe(everything - 1);
    expect(await storedTable(database.db)).toEqual(await recounted());
  });

  it("stay right when a bulk refresh rebuilds them afterwards", async () => {
    const table = await storedTable(database.db);
    await database.db.transaction(async (tx) => {
      await refreshProjectIndex(tx, "all", { facetCounts: "rebuilt later" });
      await rebuildFacetCounts(tx);
    });
    expect(await storedTable(database.db)).toEqual(table);
  });
});
