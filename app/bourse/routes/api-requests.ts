import { parsePublicRequestFilters, publicRequests } from "../../../src/modules/bourse/index";
import { appContext } from "../../context";
import { apiResponse } from "../../platform/api.server";
import type { Route } from "./+types/api-requests";

/** Open data: published partnership requests, without any contact detail. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return apiResponse(async () => {
    const filters = parsePublicRequestFilters(new URL(request.url).searchParams);
    const page = await publicRequests(db, filters, 100);
    return {
      total: page.total,
      page: page.page,
      pageCount: page.pageCount,
      requests: page.rows,
    };
  });
}
