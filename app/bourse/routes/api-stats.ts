import { bourseStats } from "../../../src/modules/bourse/index";
import { appContext } from "../../context";
import { apiResponse } from "../../platform/api.server";
import type { Route } from "./+types/api-stats";

/** Open data: the Bourse's key figures over published requests. */
export async function loader({ context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return apiResponse(async () => {
    const stats = await bourseStats(db);
    return {
      requests: stats.requests,
      foreignAuthorities: stats.foreignAuthorities,
      countries: stats.countries,
    };
  });
}
