import { appContext } from "../../context";
import { apiResponse } from "../../platform/api.server";
import { continentFigures } from "../public-figures.server";
import type { Route } from "./+types/api-stats-continents";

/**
 * Open data: the Atlas figures by continent of the foreign partner, with the continent
 * names of the published figures.
 */
export async function loader({ context }: Route.LoaderArgs) {
  return apiResponse(async () =>
    (await continentFigures(context.get(appContext))).map((row) => ({
      continent: row.continent,
      frenchCollectivites: row.collectivites,
      partnerAuthorities: row.authorities,
      countries: row.countries,
      projects: row.projects,
    })),
  );
}
