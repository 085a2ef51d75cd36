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
    // The page and the counts each read every match of a broad search: side by side.
    const [page, counts] = await Promise.all([
      cachedProjectPage(services, filters, {
        sort: paging.sort,
        limit: paging.limit,
        cursor: paging.cursor,
      }),
      cachedProjectCounts(services, filters),
    ]);
    const items = await publicProjectItems(services.db, page.items);
    return {
      total: counts.total,
      items,
      facets: counts.facets,
      nextCursor: page.nextCursor,
      sort: page.sort,
    };
  });
}
