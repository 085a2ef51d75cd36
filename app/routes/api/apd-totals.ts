import { parseTotalsQuery } from "../../../src/modules/apd/index";
import { appContext } from "../../context";
import { apiResponse } from "../../lib/api.server";
import { cachedApdTotals } from "../../lib/apd-statistics.server";
import type { Route } from "./+types/apd-totals";

/** Open data: declared aid of submitted and accepted declarations, grouped one way. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  return apiResponse(async () => {
    const query = parseTotalsQuery(new URL(request.url).searchParams);
    return cachedApdTotals(services, query.year, query.groupBy);
  });
}
