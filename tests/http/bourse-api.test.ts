import { describe, expect, it } from "vitest";
import figures from "../../src/demo/published-figures.json" with { type: "json" };
import { portalForTestFile } from "../support/portal";

/** The Bourse's open data, as outside sites call it. */
const served = portalForTestFile();
const get = (path: string) => fetch(`${served.portal.baseUrl}${path}`);

describe("GET /api/v1/bourse/stats", () => {
  it("gives the published figures of the demo Bourse", async () => {
    const response = await get("/api/v1/bourse/stats");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      requests: figures.bourse.requests,
      foreignAuthorities: figures.bourse.foreign_authorities,
      countries: figures.bourse.countries,
    });
  });
});

describe("GET /api/v1/bourse/requests", () => {
  it("lists published requests only, filtered, without any contact detail", async () => {
    const all = (await (await get("/api/v1/bourse/requests")).json()) as {
      total: number;
      requests: Record<string, unknown>[];
    };
    expect(all.total).toBe(figures.bourse.requests);
    const text = JSON.stringify(all);
    for (const secret of ["contactEmail", "contactName", "contactPhone", "@", "infoRequest"])
      expect(text).not.toContain(secret);
    expect(new Set(all.requests.map((request) => request.status))).not.toContain("submitted");

    const senegal = (await (await get("/api/v1/bourse/requests?country=SN")).json()) as {
      total: number;
      requests: { countryCode: string }[];
    };
    expect(senegal.total).toBeGreaterThan(0);
    expect(senegal.total).toBeLessThan(all.total);
    expect(senegal.requests.every((request) => request.countryCode === "SN")).toBe(true);

    const africa = (await (await get("/api/v1/bourse/requests?continent=Afrique")).json()) as {
      total: number;
      requests: { continent: string; themes: string[] }[];
    };
    expect(africa.requests.every((request) => request.continent === "Afrique")).toBe(true);
    const theme = africa.requests[0].themes[0];
    const themed = (await (
      await get(`/api/v1/bourse/requests?continent=Afrique&theme=${theme}`)
    ).json()) as { total: number; requests: { themes: string[] }[] };
    expect(themed.total).toBeGreaterThan(0);
    expect(themed.total).toBeLessThanOrEqual(africa.total);
    expect(themed.requests.every((request) => request.themes.includes(theme))).toBe(true);
  });

  it("explains a bad parameter in French with a 400", async () => {
    for (const [query, field, message] of [
      ["status=submitted", "status", "Le paramètre status doit valoir"],
      ["country=senegal", "country", "code pays ISO"],
      ["theme=inconnu", "theme", "n'est pas une thématique connue"],
    ]) {
      const response = await get(`/api/v1/bourse/requests?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { fieldErrors: Record<string, string> };
      expect(body.fieldErrors[field]).toContain(message);
    }
  });
});
