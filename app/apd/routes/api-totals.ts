import {
  nextTotalsCursor,
  parseTotalsPage,
  parseTotalsQuery,
} from "../../../src/modules/apd/index";
import { appContext } from "../../context";
import { apiResponse } from "../../platform/api.server";
import { cachedApdTotals } from "../statistics.server";
import type { Route } from "./+types/api-totals";

/**
 * Open data: declared aid of submitted and accepted declarations, grouped one way, by pages
 * of at most 1,000 keys (`limit`, then `cursor` = the previous page's `nextCursor`).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  return apiResponse(async () => {
    const params = new URL(request.url).searchParams;
    const query = parseTotalsQuery(params);
    const page = parseTotalsPage(params);
    const totals = await cachedApdTotals(services, query.year, query.groupBy, page);
    return { ...totals, nextCursor: nextTotalsCursor(totals, page) };
  });
}
