import { figuresByContinent } from "../../../src/modules/atlas/index";
import { cached } from "../../../src/platform/cache";
import { appContext } from "../../context";
import type { Route } from "./+types/stats-continents";

/**
 * Open data: the Atlas figures by continent of the foreign partner, with the continent
 * names of the published figures.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { db, cache } = context.get(appContext);
  const rows = await cached(cache, "api-stats-continents", async () =>
    (await figuresByContinent(db)).map((row) => ({
      continent: row.continent,
      frenchCollectivites: row.collectivites,
      partnerAuthorities: row.authorities,
      countries: row.countries,
      projects: row.projects,
    })),
  );
  return Response.json(rows, {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
