import {
  crossCsv,
  parseProjectFilters,
  parseStatGroup,
  statsCsv,
} from "../../../src/modules/atlas/index";
import { Invalid } from "../../../src/platform/errors";
import { appContext } from "../../context";
import { apiError, csvDownload, openDataHeaders } from "../../platform/api.server";
import { cachedCrossTab, cachedStatistics } from "../stats.server";
import type { Route } from "./+types/api-stats";

/**
 * Open data: Atlas figures grouped by one dimension, with the search page's filters, or
 * crossed by a second one (`crossBy`); `format=csv` gives the same table for a spreadsheet.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  try {
    const params = new URL(request.url).searchParams;
    const group = parseStatGroup(params.get("groupBy"));
    const format = params.get("format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new Invalid({ format: "Le format doit être json ou csv." });
    const filters = parseProjectFilters(params);
    if (params.has("crossBy")) {
      const crossBy = parseStatGroup(params.get("crossBy"), "crossBy");
      if (crossBy === group)
        throw new Invalid({
          crossBy: "La dimension des colonnes (crossBy) doit différer de celle des lignes.",
        });
      const cross = await cachedCrossTab(services, group, crossBy, filters);
      return format === "csv"
        ? csvDownload(
            crossCsv(group, crossBy, cross),
            `atlas-${group}-par-${crossBy}.csv`,
            openDataHeaders,
          )
        : Response.json(cross, { headers: openDataHeaders });
    }
    const rows = await cachedStatistics(services, group, filters);
    if (format === "csv")
      return csvDownload(statsCsv(group, rows), `atlas-statistiques-${group}.csv`, openDataHeaders);
    return Response.json(rows, { headers: openDataHeaders });
  } catch (error) {
    return apiError(error);
  }
}
