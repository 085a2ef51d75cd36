import { parseTotalsQuery } from "../../../src/modules/apd/index";
import { appContext } from "../../context";
import { apiResponse } from "../../platform/api.server";
import { cachedApdTotals } from "../statistics.server";
import type { Route } from "./+types/api-totals";

/** Open data: declared aid of submitted and accepted declarations, grouped one way. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  return apiResponse(async () => {
    const query = parseTotalsQuery(new URL(request.url).searchParams);
    return cachedApdTotals(services, query.year, query.groupBy);
  });
}
