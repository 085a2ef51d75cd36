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
});
