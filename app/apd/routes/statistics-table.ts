import { parseTotalsQuery } from "../../../src/modules/apd/index";
import { totalGroupLabels } from "../../../src/modules/apd/codes";
import { frenchCsv } from "../../../src/platform/files/table-export";
import { appContext } from "../../context";
import { apiError, csvDownload } from "../../platform/api.server";
import { cachedApdTotals } from "../statistics.server";
import type { Route } from "./+types/statistics-table";

/** A statistics table of the public page as CSV (French Excel: BOM, `;`, decimal comma). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  try {
    const query = parseTotalsQuery(new URL(request.url).searchParams);
    const totals = await cachedApdTotals(services, query.year, query.groupBy);
    const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");
    const body = frenchCsv([
      ["Code", totalGroupLabels[query.groupBy], "Montant (euros)"],
      ...totals.rows.map((row) => [row.key, row.label, euros(row.amountCents)]),
      ["", "Total", euros(totals.totalCents)],
    ]);
    return csvDownload(body, `apd-${query.year ?? "toutes-annees"}-par-${query.groupBy}.csv`);
  } catch (error) {
    return apiError(error);
  }
}
