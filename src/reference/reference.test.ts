import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import { rowsOf } from "../platform/db/client";
import { projectRoot } from "../platform/db/project-root";
import { inCountry, ofCountry } from "../platform/french/place-names";
import { loadReferenceData } from "./load/index";
import { cities, codes, countries, epciMembers, territorialUnits } from "./schema";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("reference data", () => {
  it("names foreign cities in French where French has its own name", async () => {
    const names = async (country: string, candidates: string[]) =>
      (
        await database.db
          .select({ name: cities.name })
          .from(cities)
          .where(and(eq(cities.countryCode, country), inArray(cities.name, candidates)))
      ).map((row) => row.name);
    expect(await names("MA", ["Salé", "Sale", "Tanger", "Tangier"])).toEqual(
      expect.arrayContaining(["Salé", "Tanger"]),
    );
    expect(await names("MA", ["Sale", "Tangier"])).toEqual([]);
    expect(await names("EG", ["Le Caire", "Cairo"])).toEqual(["Le Caire"]);
    expect(await names("BE", ["Bruxelles", "Brussels"])).toEqual(["Bruxelles"]);
  });

  it("writes countries with their article and prepositions, in the ministry's usage", async () => {
    const rows = await database.db
      .select()
      .from(countries)
      .where(inArray(countries.code, ["SN", "KM", "MG", "HT", "TN", "CI", "US", "CF"]));
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]));
    expect(inCountry(byCode.SN)).toBe("au Sénégal");
    expect(ofCountry(byCode.SN)).toBe("du Sénégal");
    expect(byCode.SN.nameWithArticle).toBe("le Sénégal");
    expect(inCountry(byCode.KM)).toBe("aux Comores");
    expect(inCountry(byCode.MG)).toBe("à Madagascar");
    expect(inCountry(byCode.HT)).toBe("en Haïti");
    expect(ofCountry(byCode.HT)).toBe("d'Haïti");
    expect(inCountry(byCode.TN)).toBe("en Tunisie");
    expect(byCode.CI.nameFr).toBe("Côte d'Ivoire");
    expect(byCode.US.nameFr).toBe("États-Unis");
    expect(byCode.CF.nameFr).toBe("République centrafricaine");
    const missing = await database.db
      .select({ code: countries.code })
      .from(countries)
      .where(sql`${countries.nameAfterA} IS NULL`);
    expect(missing).toEqual([]);
  });

  it("holds the DAC list of ODA recipients as the OECD's recipient codelist classes them", async () => {
    const dataFolder = path.join(projectRoot(), "src/reference/data");
    const oecd = parse(readFileSync(path.join(dataFolder, "dac-crs-recipient-codes.csv")), {
      columns: true,
    }) as { kind: string; iso_alpha2: string; dac_income_group: string; on_dac_list: string }[];
    const fromOecd = Object.fromEntries(
      oecd
        .filter((row) => row.kind === "country" && row.on_dac_list === "yes")
        .map((row) => [row.iso_alpha2, row.dac_income_group]),
    );
    const list = JSON.parse(readFileSync(path.join(dataFolder, "dac-oda-recipients.json"), "utf8"))
      .categories as Record<string, { countries: string[] }>;
    const fromList = Object.fromEntries(
      Object.entries(list).flatMap(([category, { countries }]) =>
        countries.map((code) => [code, category]),
      ),
    );
    expect(Object.keys(fromOecd).length).toBe(141);
    expect(fromList).toEqual(fromOecd);
    const loaded = await database.db
      .select({ code: countries.code, category: countries.dacCategory })
      .from(countries)
      .where(inArray(countries.code, ["GY", "NR", "PS", "SV"]));
    expect(Object.fromEntries(loaded.map((row) => [row.code, row.category]))).toEqual({
      GY: "UMIC",
      NR: "UMIC",
      PS: "UMIC",
      SV: "UMIC",
    });
  });

  it("knows countries by ISO code with French names, continent and DAC status", async () => {
    const [senegal] = await database.db.select().from(countries).where(eq(countries.code, "SN"));
    expect(senegal).toMatchObject({
      alpha3: "SEN",
      nameFr: "Sénégal",
      continent: "Afrique",
      dacCategory: "LDC",
    });
    const [germany] = await database.db.select().from(countries).where(eq(countries.code, "DE"));
    expect(germany).toMatchObject({ nameFr: "Allemagne", continent: "Europe", dacCategory: null });
    const [morocco] = await database.db.select().from(countries).where(eq(countries.code, "MA"));
    expect(morocco.zone).toBe("Méditerranée et Moyen-Orient");
    const [palestine] = await database.db.select().from(countries).where(eq(countries.code, "PS"));
    expect(palestine.nameFr).toBe("Territoires palestiniens");
  });

  it("holds the official territorial units with parent links", async () => {
    const [rennes] = await database.db
      .select()
      .from(territorialUnits)
      .where(eq(territorialUnits.id, "commune:35238"));
    expect(rennes).toMatchObject({
      name: "Rennes",
      departementCode: "35",
      regionCode: "53",
      siren: "213502388",
    });
    expect(rennes.population).toBeGreaterThan(200_000);
    const [membership] = await database.db
      .select()
      .from(epciMembers)
      .where(and(eq(epciMembers.epciCode, "243500139"), eq(epciMembers.communeCode, "35238")));
    expect(membership).toBeDefined();
    const [{ regions }] = rowsOf<{ regions: number }>(
      await database.db.execute(
        sql`SELECT count(*)::int AS regions FROM ref_territorial_units WHERE kind = 'region' AND category IN ('metro', 'drom')`,
      ),
    );
    expect(regions).toBe(18);
  });

  it("places foreign cities with coordinates", async () => {
    const [dakar] = await database.db
      .select()
      .from(cities)
      .where(and(eq(cities.countryCode, "SN"), eq(cities.name, "Dakar")));
    expect(dakar.latitude).toBeCloseTo(14.69, 1);
    expect(dakar.longitude).toBeCloseTo(-17.44, 1);
    const [french] = await database.db
      .select()
      .from(cities)
      .where(eq(cities.countryCode, "FR"))
      .limit(1);
    expect(french).toBeUndefined();
  });

  it("loads the DAC purpose codes, channels and SDGs with French names", async () => {
    const [water] = await database.db
      .select()
      .from(codes)
      .where(and(eq(codes.list, "dac_purpose"), eq(codes.code, "14030")));
    expect(water.labelFr).toMatch(/eau/i);
    expect(water.parentCode).toBe("140");
    const sdgs = await database.db.select().from(codes).where(eq(codes.list, "sdg"));
    expect(sdgs).toHaveLength(17);
    expect(sdgs.find((goal) => goal.code === "6")?.labelFr).toMatch(/^Objectif 6/);
    const domains = await database.db.select().from(codes).where(eq(codes.list, "domain"));
    expect(domains.map((domain) => domain.labelFr)).toContain("Économie durable");
    const funding = await database.db.select().from(codes).where(eq(codes.list, "funding_source"));
    expect(funding.map((source) => source.code)).toEqual(
      expect.arrayContaining([
        "fonds_propres",
        "meae_daect",
        "afd_ficol",
        "union_europeenne",
        "un_pourcent_eau",
      ]),
    );
  });

  it("does nothing when loaded again with unchanged data", async () => {
    expect(await loadReferenceData(database)).toBe("unchanged");
  });
});
