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

describe("statistics crossed and in shares", () => {
  const apiTotal = async (query: string) =>
    ((await (await get(`/api/v1/projects?${query}&limit=1`)).json()) as { total: number }).total;
  const cells = (html: string) =>
    [...html.matchAll(/data-cell="([^"|]+)\|([^"]+)"><a href="[^"]+">([\d\s\u202f]+)</g)].map(
      (match) => ({ row: match[1], column: match[2], count: Number(match[3].replace(/\D/g, "")) }),
    );

  it("crosses any two dimensions under the search filters, each cell equal to the search's count", async () => {
    const page = await (
      await get("/atlas/statistiques?continent=Afrique&groupBy=country&crossBy=region")
    ).text();
    expect(page).toContain("Projets par pays et par région (part de la ligne)");
    const found = cells(page);
    expect(found.length).toBeGreaterThan(20);
    for (const cell of found.slice(0, 6))
      expect(cell.count).toBe(
        await apiTotal(`continent=Afrique&country=${cell.row}&region=${cell.column}`),
      );
    const byKind = cells(
      await (await get("/atlas/statistiques?groupBy=theme&crossBy=collectiviteKind")).text(),
    );
    for (const cell of byKind.slice(0, 4))
      expect(cell.count).toBe(await apiTotal(`theme=${cell.row}&collectiviteKind=${cell.column}`));
    const refused = await get("/atlas/statistiques?groupBy=theme&crossBy=theme");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "Choisissez pour les colonnes une autre dimension que pour les lignes.",
    );
  });

  it("downloads the whole cross-table, the page's cells among it, and names a wrong column dimension", async () => {
    const query = "continent=Afrique&groupBy=country&crossBy=region";
    const page = await (await get(`/atlas/statistiques?${query}`)).text();
    expect(page).toContain(
      "/api/v1/stats?groupBy=country&amp;crossBy=region&amp;format=csv&amp;continent=Afrique",
    );
    const json = (await (await get(`/api/v1/stats?${query}`)).json()) as {
      rows: { key: string; projects: number }[];
      columns: { key: string; label: string }[];
      cells: Record<string, number>;
      total: number;
    };
    // The file has every line and column, beyond the 30 × 10 the page shows.
    expect(json.rows.length).toBeGreaterThan(30);
    const response = await get(`/api/v1/stats?${query}&format=csv`);
    expect(response.headers.get("content-disposition")).toContain("atlas-country-par-region.csv");
    const lines = parse(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      delimiter: ";",
    }) as string[][];
    const [header, ...body] = lines;
    expect(header.slice(2, -1)).toEqual(json.columns.map((column) => column.label));
    expect(body).toHaveLength(json.rows.length + 1);
    for (const cell of cells(page).slice(0, 8)) {
      const line = body.find((values) => values[0] === cell.row)!;
      const column = json.columns.findIndex((c) => c.key === cell.column);
      expect(Number(line[2 + column])).toBe(cell.count);
    }
    expect(body.at(-1)!.at(-1)).toBe(String(json.total));
    expect(json.total).toBe(await apiTotal("continent=Afrique"));

    const same = await get("/api/v1/stats?groupBy=region&crossBy=region");
    expect(same.status).toBe(400);
    expect(((await same.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty("crossBy");
    const unknown = await get("/api/v1/stats?groupBy=region&crossBy=pays");
    expect(((await unknown.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty(
      "crossBy",
    );
  });

  it("groups by domain and shows the published shares as shares", async () => {
    const share = (html: string, label: string, column: number) => {
      const row = new RegExp(`<th scope="row">${label}</th>((?:<td>[^<]*</td>)+)</tr>`).exec(html);
      const values = [...(row?.[1] ?? "").matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
      return Number(values[column].replace(/[^\d,]/g, "").replace(",", ".")) / 100;
    };
    const domains = await (await get("/atlas/statistiques?groupBy=domain")).text();
    for (const [label, published] of Object.entries(figures.atlas_totals.domain_shares))
      expect(share(domains, label, 4)).toBeCloseTo(published, 2);
    // The chart's labels wrap on whole words: never cut.
    const chart = /<svg role="img"[\s\S]*?<\/svg>/.exec(domains)![0];
    const chartLabels = [...chart.matchAll(/<text[^>]*text-anchor="end"[^>]*>(.*?)<\/text>/g)].map(
      (label) => [...label[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(" "),
    );
    expect(chartLabels).toContain("Humanitaire et coopération transfrontalière");
    expect(chart).not.toContain("…");
    const kinds = await (await get("/atlas/statistiques?groupBy=collectiviteKind")).text();
    const published = figures.atlas_totals.collectivite_type_shares;
    expect(share(kinds, "Commune", 5)).toBeCloseTo(published.commune, 2);
    expect(share(kinds, "Intercommunalité \\(EPCI\\)", 5)).toBeCloseTo(
      published.intercommunalite,
      2,
    );
    expect(share(kinds, "Région", 5)).toBeCloseTo(published.region, 2);
    expect(share(kinds, "Département", 5)).toBeCloseTo(published.departement, 2);
  });
});
