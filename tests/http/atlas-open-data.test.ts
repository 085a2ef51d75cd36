import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { Validator } from "@seriousme/openapi-schema-validator";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
// The official IATI 2.03 schema, copied with its licence from the shared reference folder.
const IATI_SCHEMA = path.resolve("tests/fixtures/iati-2.03/iati-activities-schema.xsd");

const get = (pathAndQuery: string) => fetch(`${served.portal.baseUrl}${pathAndQuery}`);

async function projectsApi(query: string) {
  const response = await get(`/api/v1/projects?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    total: number;
    items: { id: number; title: string; countries: { code: string }[] }[];
    facets: Record<string, Record<string, number>>;
    nextCursor: string | null;
  };
}

describe("GET /api/v1/projects", () => {
  it("answers the contract: total, items, facets by filter name, nextCursor", async () => {
    const body = await projectsApi("q=eau&continent=Afrique&limit=5");
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(["total", "items", "facets", "nextCursor"]),
    );
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    expect(body.facets.country.SN).toBeGreaterThan(0);
    expect(Object.keys(body.facets)).toEqual(
      expect.arrayContaining([
        "continent",
        "country",
        "region",
        "departement",
        "theme",
        "sdg",
        "status",
      ]),
    );
    expect(typeof body.nextCursor).toBe("string");
  });

  it("pages with the cursor until nextCursor is null", async () => {
    const seen: number[] = [];
    let query = "country=MG&limit=100";
    let total = 0;
    for (;;) {
      const body = await projectsApi(query);
      total = body.total;
      seen.push(...body.items.map((item) => item.id));
      if (!body.nextCursor) break;
      query = `country=MG&limit=100&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("never shows personal contact data", async () => {
    const text = await (await get("/api/v1/projects?limit=100")).text();
    expect(text).not.toMatch(/@example\.org|contactEmail|contact_email/);
  });

  it("refuses bad parameters with a 400 naming each parameter", async () => {
    const response = await get("/api/v1/projects?country=France&limit=1000&yearFrom=deux");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["country", "yearFrom"]);
    const paging = await get("/api/v1/projects?limit=1000");
    expect(paging.status).toBe(400);
    expect(((await paging.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty("limit");
  });
});

describe("GET /api/v1/projects/export", () => {
  const filters = "continent=Afrique&theme=eau-assainissement";
  let expectedTotal = 0;
  const expectedCount = async () => {
    expectedTotal ||= (await projectsApi(`${filters}&limit=1`)).total;
    return expectedTotal;
  };

  it("CSV: UTF-8 with BOM, semicolons, one row per project, parses back", async () => {
    const response = await get(`/api/v1/projects/export?format=csv&${filters}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="atlas-projets-.*\.csv"/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ";", columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(await expectedCount());
    expect(rows[0]).toHaveProperty("Titre");
    expect(rows[0].Thématiques).toContain("Eau et assainissement");
    expect(rows[0]["Budget total (€)"]).toMatch(/^\d+,\d{2}$/);
  });

  it("XLSX: opens with exceljs, a header row and one row per project", async () => {
    const response = await get(`/api/v1/projects/export?format=xlsx&${filters}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Projets")!;
    expect(sheet.getRow(1).getCell(2).value).toBe("Titre");
    expect(sheet.actualRowCount - 1).toBe(await expectedCount());
    expect(typeof sheet.getRow(2).getCell(1).value).toBe("number");
  });

  it("GeoJSON: a FeatureCollection of points with longitude/latitude in range", async () => {
    const response = await get(`/api/v1/projects/export?format=geojson&${filters}`);
    expect(response.headers.get("content-type")).toContain("application/geo+json");
    const body = (await response.json()) as {
      type: string;
      features: {
        type: string;
        geometry: { type: string; coordinates: number[] } | null;
        properties: { title: string };
      }[];
    };
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.length).toBe(await expectedCount());
    for (const feature of body.features) {
      expect(feature.type).toBe("Feature");
      expect(feature.properties.title).toBeTruthy();
      expect(feature.geometry?.type).toBe("Point");
      const [longitude, latitude] = feature.geometry!.coordinates;
      expect(Math.abs(longitude)).toBeLessThanOrEqual(180);
      expect(Math.abs(latitude)).toBeLessThanOrEqual(90);
    }
  });

  it("IATI: iati-activities 2.03 that validates against the official schema", async () => {
    const response = await get(`/api/v1/projects/export?format=iati&${filters}`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "iati-")), "atlas.xml");
    writeFileSync(file, xml);
    // xmllint exits non-zero and names the element when the document does not validate.
    const output = execFileSync("xmllint", ["--noout", "--schema", IATI_SCHEMA, file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(output).toBe("");
    expect(xml.match(/<iati-activity /g)?.length).toBe(await expectedCount());
    expect(xml).toContain('<sector vocabulary="1" code="14030"');
  });

  it("PDF: a report that opens, titled, with criteria, figures and the projects as text", async () => {
    const response = await get(`/api/v1/projects/export?format=pdf&${filters}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe("Atlas de la coopération décentralisée – rapport de recherche");
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Atlas de la coopération décentralisée – rapport de recherche");
    expect(flat).toContain("Continent : Afrique");
    expect(flat).toContain("Thématique : Eau et assainissement");
    expect(flat).toContain(`Projets : ${(await expectedCount()).toLocaleString("fr-FR")}`);
    const first = (await projectsApi(`${filters}&limit=1`)).items[0] as { title: string };
    expect(flat).toContain(first.title.replace(/\s+/g, " "));
  });

  it("PDF fiche: the project's fiche, with its title in the text layer", async () => {
    const project = (await projectsApi(`${filters}&limit=1`)).items[0] as {
      id: number;
      title: string;
    };
    const response = await get(`/atlas/projets/${project.id}/pdf`);
    expect(response.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain(project.title.replace(/\s+/g, " "));
    expect(((await pdf.getMetadata()) as { info: { Title?: string } }).info.Title).toBe(
      project.title,
    );
    expect((await get("/atlas/projets/999999999/pdf")).status).toBe(404);
  });

  it("refuses an unknown format with a 400 naming the parameter", async () => {
    const response = await get("/api/v1/projects/export?format=pdfx");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty(
      "format",
    );
  });
});

describe("search page /atlas/projets", () => {
  it("shows the number of results, the facet counts and the results", async () => {
    const api = await projectsApi("q=eau potable&continent=Afrique&limit=1");
    const response = await get("/atlas/projets?q=eau+potable&continent=Afrique");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`${api.total} projets trouvés`);
    expect(html).toContain(`Afrique (${api.total})`);
    expect(html).toContain(api.items[0].title.replace(/'/g, "&#x27;"));
  });

  it("keeps the query and explains a bad parameter on its field with a 400", async () => {
    const response = await get("/atlas/projets?q=eau&yearFrom=deux+mille");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("L&#x27;année de début doit être une année");
    expect(html).toMatch(/id="champ-q"[^>]*value="eau"|value="eau"[^>]*id="champ-q"/);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document describing every open-data route", async () => {
    const response = await get("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/v1/projects",
        "/api/v1/projects/export",
        "/api/v1/stats",
        "/api/v1/stats/continents",
        "/api/v1/collectivites",
        "/api/v1/foreign-authorities",
        "/api/v1/partnerships",
        "/api/v1/apd/totals",
        "/api/v1/bourse/requests",
        "/api/v1/bourse/stats",
      ].sort(),
    );
  });
});

describe("directory lists: /api/v1/collectivites, foreign-authorities, partnerships", () => {
  async function walk(path: string, limit = 100) {
    const ids: number[] = [];
    let cursor = "";
    for (;;) {
      const response = await get(`${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        items: { id: number }[];
        nextCursor: string | null;
      };
      ids.push(...body.items.map((item) => item.id));
      if (!body.nextCursor) return ids;
      cursor = body.nextCursor;
    }
  }

  it("lists the partnerships of a country with a French région, page after page", async () => {
    const stats = (await (await get("/api/v1/stats?groupBy=region&country=SN")).json()) as {
      key: string;
      partnerships: number;
    }[];
    // The région with the most partnerships in Senegal.
    const region = stats.sort((a, b) => b.partnerships - a.partnerships)[0];
    expect(region.partnerships).toBeGreaterThan(3);
    // Pages of 3: several pages to put together.
    const ids = await walk(`/api/v1/partnerships?country=SN&region=${region.key}`, 3);
    expect(ids.length).toBe(region.partnerships);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists collectivités and foreign partners with the filters that apply, no contact data", async () => {
    const body = (await (
      await get("/api/v1/collectivites?region=53&collectiviteKind=region")
    ).json()) as {
      items: { name: string; kind: string }[];
    };
    expect(body.items.map((item) => item.name)).toEqual(["Région Bretagne"]);
    const text = await (await get("/api/v1/collectivites?region=53&limit=500")).text();
    expect(text).not.toMatch(/@example\.org|contact/i);
    const authorities = (await (
      await get("/api/v1/foreign-authorities?country=SN&q=dakar")
    ).json()) as {
      items: { name: string; countryCode: string }[];
    };
    expect(authorities.items.length).toBeGreaterThan(0);
    for (const item of authorities.items) expect(item.countryCode).toBe("SN");
  });

  it("refuses a bad cursor or filter with a 400 naming it", async () => {
    const response = await get("/api/v1/partnerships?cursor=abc&country=Sénégal");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors)).toContain("country");
  });
});
