import { parseProjectFilters, parseStatGroup, statsCsv } from "../../../src/modules/atlas/index";
import { Invalid } from "../../../src/platform/errors";
import { appContext } from "../../context";
import { apiError, openDataHeaders } from "../../platform/api.server";
import { cachedStatistics } from "../stats.server";
import type { Route } from "./+types/api-stats";

/**
 * Open data: Atlas figures grouped by one dimension, with the search page's filters;
 * `format=csv` gives the same table for a spreadsheet.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  try {
    const params = new URL(request.url).searchParams;
    const group = parseStatGroup(params.get("groupBy"));
    const format = params.get("format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new Invalid({ format: "Le format doit être json ou csv." });
    const rows = await cachedStatistics(services, group, parseProjectFilters(params));
    if (format === "csv")
      return new Response(statsCsv(group, rows), {
        headers: {
          ...openDataHeaders,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="atlas-statistiques-${group}.csv"`,
        },
      });
    return Response.json(rows, { headers: openDataHeaders });
  } catch (error) {
    return apiError(error);
  }
}
