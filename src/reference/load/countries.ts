import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import countriesFr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import dacList from "../data/dac-oda-recipients.json" with { type: "json" };
import type { countries } from "../schema";
import { projectRoot } from "../../platform/db/project-root";
import { readPackageData } from "./package-data";

interface WorldCountry {
  cca2: string;
  cca3: string;
  region: string;
  subregion: string;
  latlng: [number, number];
  translations: Record<string, { common: string }>;
}

// Western Asian countries the DAECT follows from its Europe desk.
const EUROPEAN_DESK_IN_WESTERN_ASIA = new Set(["AM", "AZ", "GE", "CY", "TR"]);

function continentOf(country: WorldCountry): string {
  switch (country.region) {
    case "Europe":
      return "Europe";
    case "Africa":
      return "Afrique";
    case "Asia":
      return "Asie";
    case "Oceania":
      return "Océanie";
    case "Antarctic":
      return "Antarctique";
    default:
      if (country.subregion === "South America") return "Amérique du Sud";
      if (
        country.subregion === "North America" &&
        ["US", "CA", "MX", "GL", "BM", "PM", "UM"].includes(country.cca2)
      ) {
        return "Amérique du Nord";
      }
      return "Amérique centrale et Caraïbes";
  }
}

function zoneOf(country: WorldCountry, continent: string): string {
  if (country.subregion === "Northern Africa") return "Méditerranée et Moyen-Orient";
  if (country.subregion === "Western Asia" && !EUROPEAN_DESK_IN_WESTERN_ASIA.has(country.cca2)) {
    return "Méditerranée et Moyen-Orient";
  }
  if (EUROPEAN_DESK_IN_WESTERN_ASIA.has(country.cca2)) return "Europe";
  return continent;
}

function dacCategoryOf(code: string): string | null {
  for (const [category, entry] of Object.entries(dacList.categories)) {
    if (entry.countries.includes(code)) return category;
  }
  return null;
}

interface FrenchCountryName {
  iso_alpha2: string;
  nom: string;
  avec_article: string;
  forme_de: string;
  forme_a: string;
}

/**
 * French country names with their article and prepositions ("le Sénégal", "du Sénégal",
 * "au Sénégal"), one row per country and territory: see SOURCES.md beside the file.
 */
function frenchCountryNames(): Map<string, FrenchCountryName> {
  const file = path.join(projectRoot(), "src/reference/data/country-names-fr-articles.csv");
  const rows = parse(readFileSync(file), { columns: true }) as FrenchCountryName[];
  return new Map(rows.map((row) => [row.iso_alpha2, row]));
}

/**
 * The OECD DAC numeric recipient code of each country (CRS "Recipient" codelist), by ISO
 * alpha-2: see SOURCES.md beside the file.
 */
export function dacRecipientCodes(): Map<string, number> {
  const file = path.join(projectRoot(), "src/reference/data/dac-crs-recipient-codes.csv");
  const rows = parse(readFileSync(file), { columns: true }) as {
    dac_code: string;
    kind: string;
    iso_alpha2: string;
  }[];
  return new Map(
    rows
      .filter((row) => row.kind === "country" && row.iso_alpha2)
      .map((row) => [row.iso_alpha2, Number(row.dac_code)]),
  );
}

function i18nNameOf(country: WorldCountry): string {
  const names = (countriesFr as { countries: Record<string, string | string[]> }).countries[
    country.cca2
  ];
  const name = Array.isArray(names) ? names[0] : names;
  return name ?? country.translations.fra?.common ?? country.cca2;
}

/** Every country and territory with its ISO codes, French name, continent and DAC status. */
export function countryRows(): (typeof countries.$inferInsert)[] {
  const worldCountries = readPackageData<WorldCountry[]>("world-countries");
  const french = frenchCountryNames();
  const dacCodes = dacRecipientCodes();
  return worldCountries.map((country) => {
    const continent = continentOf(country);
    const names = french.get(country.cca2);
    return {
      code: country.cca2,
      alpha3: country.cca3,
      // The table's name: the ISO list's with its case fixed and the ministry's usage.
      nameFr: names?.nom ?? i18nNameOf(country),
      nameWithArticle: names?.avec_article || null,
      nameAfterDe: names?.forme_de || null,
      nameAfterA: names?.forme_a || null,
      continent,
      zone: zoneOf(country, continent),
      dacCategory: dacCategoryOf(country.cca2),
      dacCode: dacCodes.get(country.cca2) ?? null,
      latitude: country.latlng?.[0] ?? null,
      longitude: country.latlng?.[1] ?? null,
    };
  });
}
