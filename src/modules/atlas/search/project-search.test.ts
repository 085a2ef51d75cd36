import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import { rowsOf } from "../../../platform/db/client";
import { Invalid } from "../../../platform/errors";
import { refreshProjectIndex } from "../project-index";
import { projects } from "../schema";
import { parseProjectFilters } from "./filters";
import { countProjects, findProjects, searchProjects } from "./project-search";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const filters = (query: string) => parseProjectFilters(new URLSearchParams(query));
const total = async (query: string) =>
  (await countProjects(database.db, filters(query), false)).total;

async function allIds(query: string, sort?: "pertinence" | "recent" | "titre") {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await findProjects(database.db, filters(query), { limit: 37, cursor, sort });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe("Atlas project search", () => {
  it("indexes every project of the demo dataset", async () => {
    const [row] = rowsOf<{ projects: number; indexed: number }>(
      await database.db.execute(sql`
        SELECT (SELECT count(*)::int FROM atlas_projects) AS projects,
               (SELECT count(*)::int FROM atlas_project_index) AS indexed`),
    );
    expect(row.indexed).toBe(row.projects);
    expect(await total("")).toBe(row.projects);
  });

  it("ignores accents and case, and finds a country by its French name", async () => {
    const senegal = await total("country=SN");
    expect(senegal).toBeGreaterThan(0);
    expect(await total("q=Sénégal")).toBeGreaterThanOrEqual(senegal);
    expect(await total("q=senegal")).toBe(await total("q=Sénégal"));
    expect(await total("q=SENEGAL")).toBe(await total("q=Sénégal"));
  });

  it("stems French words: singular and plural find the same projects", async () => {
    const singular = await total("q=assainissement");
    expect(singular).toBeGreaterThan(0);
    expect(await total("q=assainissements")).toBe(singular);
    expect(await total("q=déchet")).toBe(await total("q=dechets"));
  });

  it("requires every word of a keyword query, and ignores a query of stop words only", async () => {
    const water = await total("q=eau");
    const drinkingWater = await total("q=eau potable");
    expect(drinkingWater).toBeGreaterThan(0);
    expect(drinkingWater).toBeLessThan(water);
    expect(await total("q=le")).toBe(await total(""));
  });

  it("combines filters: any value within a filter, all filters together", async () => {
    const senegal = await total("country=SN");
    const mali = await total("country=ML");
    const both = await total("country=SN&country=ML");
    expect(both).toBe(senegal + mali);
    const senegalWater = await total("country=SN&theme=eau-assainissement");
    expect(senegalWater).toBeGreaterThan(0);
    expect(senegalWater).toBeLessThan(senegal);
    const { items } = await findProjects(
      database.db,
      filters("country=SN&theme=eau-assainissement"),
      {
        limit: 100,
      },
    );
    for (const item of items) {
      expect(item.countries).toContain("SN");
      expect(item.themes).toContain("eau-assainissement");
    }
  });

  it("filters by period: projects running at some point of it", async () => {
    const { items } = await findProjects(database.db, filters("yearFrom=2020&yearTo=2021"), {
      limit: 100,
    });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.startYear!).toBeLessThanOrEqual(2021);
      expect(item.endYear ?? item.startYear!).toBeGreaterThanOrEqual(2020);
    }
  });

  it("counts facets that match the filtered totals", async () => {
    const result = await searchProjects(database.db, filters("continent=Afrique"), { limit: 1 });
    const countries = result.facets.country!;
    expect(Object.keys(countries).length).toBeGreaterThan(10);
    for (const code of ["SN", "MA", "MG"])
      expect(countries[code]).toBe(await total(`country=${code}`));
    const statusSum = Object.values(result.facets.status!).reduce((a, b) => a + b, 0);
    expect(statusSum).toBe(result.total);
    expect(result.facets.continent).toEqual({ Afrique: result.total });
  });

  for (const sort of ["pertinence", "recent", "titre"] as const) {
    it(`walks every result once with the cursor (${sort})`, async () => {
      const query = "q=eau&continent=Afrique";
      const ids = await allIds(query, sort);
      expect(ids.length).toBe(await total(query));
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it("orders by title when asked", async () => {
    const { items } = await findProjects(database.db, filters("country=SN"), {
      limit: 50,
      sort: "titre",
    });
    const titles = items.map((item) => item.title);
    const [row] = rowsOf<{ ordered: string[] }>(
      await database.db.execute(sql`
        SELECT array_agg(title ORDER BY title, project_id) AS ordered
          FROM (SELECT title, project_id FROM atlas_project_index
                 WHERE countries && ARRAY['SN'] ORDER BY title, project_id LIMIT 50) t`),
    );
    expect(titles).toEqual(row.ordered);
  });

  it("refuses bad parameters, naming each one in French", () => {
    let caught: unknown;
    try {
      filters("country=SEN&yearFrom=20x&sdg=18&collectiviteKind=ville&yearTo=1900");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Invalid);
    const errors = (caught as Invalid).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(
      ["collectiviteKind", "country", "sdg", "yearFrom", "yearTo"].sort(),
    );
    expect(errors.country).toMatch(/code pays/);
  });

  it("refuses a forged cursor", async () => {
    await expect(
      findProjects(database.db, filters(""), { limit: 5, cursor: "bm90IGEgY3Vyc29y" }),
    ).rejects.toBeInstanceOf(Invalid);
  });

  it("finds a project by its new words once its search row is refreshed", async () => {
    expect(await total("q=zoothérapie")).toBe(0);
    await database.db
      .update(projects)
      .set({ title: "Zoothérapie en milieu rural" })
      .where(eq(projects.id, 42));
    await refreshProjectIndex(database.db, { ids: [42] });
    const { items } = await findProjects(database.db, filters("q=zootherapie"), { limit: 5 });
    expect(items.map((item) => item.id)).toEqual([42]);
  });
});
