import {
  parsePaging,
  parseProjectFilters,
  publicProjectItems,
} from "../../../src/modules/atlas/index";
import { appContext } from "../../context";
import { apiResponse } from "../../platform/api.server";
import { cachedProjectCounts, cachedProjectPage } from "../search.server";
import type { Route } from "./+types/api-projects";

/** Open data: Atlas projects with the search page's filters, facet counts and a cursor. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  return apiResponse(async () => {
    const params = new URL(request.url).searchParams;
    const filters = parseProjectFilters(params);
    const paging = parsePaging(params, { defaultLimit: 20, maxLimit: 100 });
    const page = await cachedProjectPage(services, filters, {
      sort: paging.sort,
      limit: paging.limit,
      cursor: paging.cursor,
    });
    const [counts, items] = await Promise.all([
      cachedProjectCounts(services, filters),
      publicProjectItems(services.db, page.items),
    ]);
    return {
      total: counts.total,
      items,
      facets: counts.facets,
      nextCursor: page.nextCursor,
      sort: page.sort,
    };
  });
}
