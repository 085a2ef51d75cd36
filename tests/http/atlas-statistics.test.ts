import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import figures from "../../src/demo/published-figures.json" with { type: "json" };
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const get = (path: string) => fetch(`${served.portal.baseUrl}${path}`);

interface Row {
  key: string;
  label: string;
  projects: number;
  partnerships: number;
  frenchCollectivites: number;
  partnerAuthorities: number;
}
async function stats(query: string) {
  const response = await get(`/api/v1/stats?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Row[];
}
const sum = (rows: Row[], field: keyof Row) =>
  rows.reduce((total, row) => total + Number(row[field]), 0);
async function projectTotal(query: string) {
  return ((await (await get(`/api/v1/projects?${query}&limit=1`)).json()) as { total: number })
    .total;
}

describe("GET /api/v1/stats", () => {
  it("answers the contract's fields for every grouping", async () => {
    for (const group of [
      "country",
      "region",
      "departement",
      "theme",
      "partnershipKind",
      "collectiviteKind",
      "year",
    ]) {
      const rows = await stats(`groupBy=${group}`);
      expect(rows.length, group).toBeGreaterThan(0);
      expect(Object.keys(rows[0]).sort()).toEqual(
        [
          "frenchCollectivites",
          "key",
          "label",
          "partnerAuthorities",
          "partnerships",
          "projects",
        ].sort(),
      );
    }
  });

  it("reproduces the published totals: partnerships by kind, collectivités by kind", async () => {
    const byKind = await stats("groupBy=partnershipKind");
    expect(sum(byKind, "partnerships")).toBe(figures.atlas_totals.partnerships);
    const byCollectiviteKind = await stats("groupBy=collectiviteKind");
    expect(sum(byCollectiviteKind, "frenchCollectivites")).toBe(
      figures.atlas_totals.french_collectivites,
    );
    // The published type shares are shares of partnerships (docs/decisions/0003).
    const commune = byCollectiviteKind.find((row) => row.key === "commune")!;
    expect(commune.partnerships / figures.atlas_totals.partnerships).toBeCloseTo(
      figures.atlas_totals.collectivite_type_shares.commune,
      2,
    );
  });

  it("counts the same projects as the search, filters included", async () => {
    const byCountry = await stats("groupBy=country&continent=Afrique");
    const senegal = byCountry.find((row) => row.key === "SN")!;
    expect(senegal.label).toBe("Sénégal");
    expect(senegal.projects).toBe(await projectTotal("country=SN"));
    expect(byCountry.every((row) => row.key !== "DE")).toBe(true);
    const themes = await stats("groupBy=theme&country=SN&theme=sante");
    expect(themes.map((row) => row.key)).toEqual(["sante"]);
    expect(themes[0].projects).toBe(await projectTotal("country=SN&theme=sante"));
  });

  it("downloads a table as CSV for French Excel", async () => {
    const response = await get("/api/v1/stats?groupBy=region&format=csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parse(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      delimiter: ";",
      columns: true,
    }) as Record<string, string>[];
    const json = await stats("groupBy=region");
    expect(rows.length).toBe(json.length);
    expect(Number(rows[0].Projets)).toBe(json[0].projects);
  });

  it("refuses an unknown grouping or format with a 400 naming the parameter", async () => {
    const response = await get("/api/v1/stats?groupBy=pays");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty(
      "groupBy",
    );
    const format = await get("/api/v1/stats?groupBy=region&format=pdf");
    expect(format.status).toBe(400);
  });
});

describe("statistics page", () => {
  it("shows the continent table, a chart with its data table, and a download link", async () => {
    const response = await get("/atlas/statistiques?groupBy=partnershipKind");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<caption>Par continent des partenaires étrangers</caption>");
    expect(html).toContain('role="img"');
    expect(html).toContain("Jumelage");
    expect(html).toContain("/api/v1/stats?groupBy=partnershipKind&amp;format=csv");
    expect((await get("/atlas/statistiques?groupBy=nimporte")).status).toBe(400);
  });
});
