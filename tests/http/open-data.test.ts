import { describe, expect, it } from "vitest";
import figures from "../../src/demo/published-figures.json" with { type: "json" };
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();

describe("open-data API", () => {
  it("GET /api/v1/stats/continents returns the published figures by continent", async () => {
    const response = await fetch(`${served.portal.baseUrl}/api/v1/stats/continents`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const rows = (await response.json()) as Record<string, string | number>[];
    const byContinent = Object.fromEntries(
      rows.map((row) => [
        row.continent,
        [row.frenchCollectivites, row.partnerAuthorities, row.countries, row.projects],
      ]),
    );
    expect(byContinent).toEqual(figures.atlas_by_continent.rows);
    expect(Object.keys(rows[0]).sort()).toEqual(
      ["continent", "countries", "frenchCollectivites", "partnerAuthorities", "projects"].sort(),
    );
  });

  it("GET /api/v1/apd/totals comes by bounded pages that add up to the whole grouping", async () => {
    type TotalsPage = {
      totalCents: number;
      groupCount: number;
      rows: { key: string; amountCents: number }[];
      nextCursor: string | null;
      fieldErrors?: Record<string, string>;
    };
    const get = async (query: string) => {
      const response = await fetch(`${served.portal.baseUrl}/api/v1/apd/totals?${query}`);
      return { status: response.status, body: (await response.json()) as TotalsPage };
    };
    const whole = await get("groupBy=collectivite&year=2018");
    expect(whole.status).toBe(200);
    const all = whole.body;
    expect(all.groupCount).toBe(all.rows.length);
    expect(all.groupCount).toBeGreaterThan(25);
    expect(all.nextCursor).toBeNull();

    const paged: typeof all.rows = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await get(
        `groupBy=collectivite&year=2018&limit=10${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.rows.length).toBeLessThanOrEqual(10);
      expect(page.body.groupCount).toBe(all.groupCount);
      expect(page.body.totalCents).toBe(all.totalCents);
      paged.push(...page.body.rows);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.groupCount / 10));
    expect(paged).toEqual(all.rows);

    for (const query of ["limit=0", "limit=1001", "limit=dix", "cursor=%21%21", "cursor=LTE"]) {
      const refused = await get(`groupBy=collectivite&${query}`);
      expect(refused.status, query).toBe(400);
      const field = query.split("=")[0];
      expect(Object.keys(refused.body.fieldErrors ?? {}), query).toEqual([field]);
    }
  });
});
